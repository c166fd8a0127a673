/**
 * The web app's pages on the API's origin: every app address returns the app (deep links load), assets are
 * cached for good, the pages carry a strict policy, and a missing build says how to make one.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/api-types.ts';
import { MISO_PROCEDURE } from '../../src/config/miso.ts';
import { APP_PAGES, registerWebApp } from '../../src/http/web.ts';

async function serve(dist: string) {
  const app = Fastify();
  await registerWebApp(app, { dist, procedure: MISO_PROCEDURE });
  return app;
}

describe('web app pages', () => {
  const dist = mkdtempSync(join(tmpdir(), 'redress-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');

  it('answers every app address with the app, with a strict policy and no caching', async () => {
    const app = await serve(dist);
    expect(APP_PAGES).toContain('/staff/*');
    for (const url of [
      '/',
      '/staff',
      '/staff/complaints/MISO-26-000001-X',
      '/track',
      '/track/sign-in?token=x',
      '/complain',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>app</title>');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    await app.close();
  });

  it('tells a browser without JavaScript how to complain by phone, email and post, on /complain only', async () => {
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>app</title><body><noscript>This page needs JavaScript.</noscript><div id="root"></div>',
    );
    const app = await serve(dist);
    const complain = (await app.inject({ url: '/complain' })).body;
    const noscript = /<noscript>([\s\S]*)<\/noscript>/.exec(complain)?.[1] ?? '';
    expect(noscript).toContain('Make a complaint');
    expect(noscript).toContain('<a href="tel:01531576006">01531 576 006</a>');
    expect(noscript).toContain('<a href="mailto:enquiries@miso-comms.net">');
    expect(noscript).toContain('HR8 1AA');
    expect(noscript).toContain('href="/complaints-procedure"');
    expect(complain).not.toContain('This page needs JavaScript.');
    expect((await app.inject({ url: '/staff' })).body).toContain('This page needs JavaScript.');
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    await app.close();
  });

  it('says how to build the app when it is missing', async () => {
    const app = await serve(mkdtempSync(join(tmpdir(), 'redress-web-empty-')));
    const res = await app.inject({ url: '/staff' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm start');
    await app.close();
  });
});

describe('the web app’s API types', () => {
  it('match the OpenAPI document (run npm run api-types after changing a route)', async () => {
    expect(await readFile(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes());
  });
});
