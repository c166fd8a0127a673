/**
 * The web app's pages: the staff workspace under /staff, the customer portal at /track and /complain, and a
 * home page. Every page address returns the same index.html (the app routes in the browser), so deep links
 * load directly; hashed assets are cached for a year.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderHowToComplainWithoutScript } from '../documents/complaints-code.ts';
import type { Procedure } from '../domain/procedure.ts';
import { WEB_DIST } from '../web/build.ts';

/** Paths the app answers in the browser; everything else is the API's or a 404. */
export const APP_PAGES = [
  '/',
  '/staff',
  '/staff/*',
  '/track',
  '/track/*',
  '/complain',
  '/complain/*',
  '/survey',
];

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets CSS variables in a style element and style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Not built</title></head>
<body><h1>The web app has not been built</h1>
<p>Run <code>npm start</code>, which builds it, or <code>npm run build:web</code>.</p>
<p>The API is at <a href="/api/docs">/api/docs</a> and the Complaints Code at
<a href="/complaints-procedure">/complaints-procedure</a>.</p></body></html>`;

const NOSCRIPT_STYLE =
  'display:block;max-width:40rem;margin:0 auto;padding:1rem;font-family:system-ui,sans-serif;line-height:1.5';

function pageHeaders(reply: FastifyReply): FastifyReply {
  return (
    reply
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      // Sign-in links carry a token in the address: never send it on.
      .header('referrer-policy', 'no-referrer')
  );
}

/**
 * The pages' server-side part. Without `procedure` (tests of the static files) the pages carry only the
 * app's own `<noscript>`; with it, /complain says how to complain by phone, email and post without JavaScript.
 */
export async function registerWebApp(
  app: FastifyInstance,
  options: { dist?: string | undefined; procedure?: Procedure | undefined } = {},
): Promise<void> {
  const dist = options.dist ?? WEB_DIST;
  const withoutScript = options.procedure && renderHowToComplainWithoutScript(options.procedure);
  await app.register(fastifyStatic, {
    root: join(dist, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    index: false,
    wildcard: true,
  });

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    let html: string;
    try {
      html = await readFile(join(dist, 'index.html'), 'utf8');
    } catch {
      return pageHeaders(reply).code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    }
    const path = request.url.split('?')[0] ?? '';
    if (withoutScript && (path === '/complain' || path.startsWith('/complain/'))) {
      // Inline style only (the page's policy allows it): the app's stylesheet styles nothing outside the app.
      const block = `<noscript><main style="${NOSCRIPT_STYLE}">${withoutScript}</main></noscript>`;
      html = /<noscript>[\s\S]*?<\/noscript>/.test(html)
        ? html.replace(/<noscript>[\s\S]*?<\/noscript>/, () => block)
        : html.replace('<body>', () => `<body>${block}`);
    }
    return pageHeaders(reply).type('text/html; charset=utf-8').send(html);
  };
  for (const path of APP_PAGES) app.get(path, { schema: { hide: true } }, page);
}
