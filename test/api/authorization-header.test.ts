/**
 * An `Authorization` header that is not a valid token (a stale token a client library still adds, another
 * scheme): the endpoints anyone may call ignore it and answer as to anyone; every endpoint that needs a
 * member of staff still answers 401 — as it does to nobody at all, before it looks at the body.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

const INVALID = ['Bearer rdr_not-a-token', 'Basic dXNlcjpwYXNz', 'Bearer', 'nonsense'];

describeEachDialect('an invalid Authorization header', (harness) => {
  let t: TestApi;
  let reference = '';
  beforeAll(async () => {
    t = await startApi(harness);
    reference = (await t.as('agent').post('/complaints', phoneComplaint())).body.reference;
  });
  afterAll(() => t.close());

  const send = (method: string, path: string, authorization: string, body?: unknown) =>
    t.as(null).raw(path, {
      method,
      headers: {
        authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('is ignored by the public endpoints: sign-in, sign-in links, the procedure, the portal’s forms, the survey', async () => {
    // A new address for each failed sign-in: five in a row with one address would lock it out.
    let signIns = 0;
    const publicCalls: [string, string, unknown][] = [
      ['GET', '/procedure', undefined],
      ['POST', '/auth/login', () => ({ email: `agent${++signIns}@test.redress`, password: 'not it' })],
      ['POST', '/portal/sign-in-link', { reference, contact: 'jo@example.org' }],
      ['POST', '/portal/sign-in', { token: 'x'.repeat(43) }],
      ['POST', '/portal/complaints', {}],
      ['POST', '/survey', { token: 'x'.repeat(43) }],
    ];
    for (const [method, path, bodyOrMake] of publicCalls) {
      const body = () => (typeof bodyOrMake === 'function' ? bodyOrMake() : bodyOrMake);
      // What anyone without the header is told: the same answer, whatever the header says.
      const anonymous = await t.as(null).raw(path, {
        method,
        ...(bodyOrMake === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body()) }),
      });
      for (const authorization of INVALID) {
        const res = await send(method, path, authorization, body());
        expect({ path, authorization, status: res.status, code: res.body?.code }).toEqual({
          path,
          authorization,
          status: anonymous.status,
          code: anonymous.body?.code,
        });
        expect(JSON.stringify(res.body)).not.toMatch(/bearer token/i);
      }
    }
  });

  it('still answers 401 on every endpoint that needs a member of staff', async () => {
    const document = (await t.as(null).get('/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const protectedRoutes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.security === undefined)
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(protectedRoutes.length).toBeGreaterThan(40);
    const answered = [];
    for (const { method, path } of protectedRoutes) {
      const address = path
        .replace(/^\/api\/v1/, '')
        .replace('{reference}', reference)
        .replace(/\{[^}]+\}/g, '01JAAAAAAAAAAAAAAAAAAAAAAA');
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const res = await send(method, address, 'Bearer rdr_not-a-token', body);
      answered.push({ route: `${method} ${path}`, status: res.status, detail: res.body?.detail });
      // Nobody at all, with a body no schema accepts: told to sign in, not shown the body's schema.
      const nobody = await t.as(null).raw(address, {
        method,
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: '{"unexpected": true}' }),
      });
      answered.push({
        route: `${method} ${path} (nobody)`,
        status: nobody.status,
        detail: nobody.body?.detail,
      });
    }
    expect(answered.filter((a) => a.status !== 401)).toEqual([]);
    expect(answered[0]?.detail).toMatch(/bearer token is not valid/);
  });
});
