/**
 * The headers every answer needs: API answers are kept by no cache and never sniffed (downloads keep their
 * own), https deployments send HSTS, and the API docs page may be framed by nobody and runs under a CSP.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { phoneComplaint, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('security headers', (harness) => {
  let t: TestApi;
  let reference = '';
  beforeAll(async () => {
    t = await startApi(harness);
    reference = (await t.as('agent').post('/complaints', phoneComplaint())).body.reference;
  });
  afterAll(() => t.close());

  it('marks every API answer no-store and nosniff: data, errors and unknown routes alike', async () => {
    const answers = [
      await t.as('agent').get(`/complaints/${reference}`),
      await t.as('agent').get('/complaints?stage=attempt-1'),
      await t.as('agent').post(`/complaints/${reference}/add-note`, { text: 'noted' }),
      await t.as(null).get(`/complaints/${reference}`),
      await t.as('agent').get('/no-such-thing'),
      await t.as(null).get('/procedure'),
      await t.as(null).get('/openapi.json'),
    ];
    for (const res of answers) {
      expect({ status: res.status, cache: res.headers.get('cache-control') }).toEqual({
        status: res.status,
        cache: 'no-store',
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      // The test server's PUBLIC_URL is http: no HSTS, which would lock browsers out of it.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('leaves a download its own cache and type headers', async () => {
    const csv = await t.as('agent').bytes('/complaints/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('cache-control')).toBe('private, no-store');
    expect(csv.headers.get('x-content-type-options')).toBe('nosniff');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('lets nobody frame the API docs page, which runs under a CSP allowing only its own scripts', async () => {
    const page = await fetch(`${t.url}/api/docs/`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('swagger-initializer.js');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('validator.swagger.io');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toContain("'unsafe-inline'");
    const script = await fetch(`${t.url}/api/docs/static/swagger-initializer.js`);
    expect(script.status).toBe(200);
  });

  it('sends HSTS on every answer when PUBLIC_URL is https', async () => {
    const app = await buildApp(t.ctx, { publicUrl: 'https://complaints.example' });
    try {
      for (const url of ['/api/v1/procedure', '/healthz', '/api/docs/', '/']) {
        const res = await app.inject({ method: 'GET', url });
        expect({ url, hsts: res.headers['strict-transport-security'] }).toEqual({
          url,
          hsts: 'max-age=31536000; includeSubDomains',
        });
      }
      const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
      expect(docs.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await app.close();
    }
  });
});
