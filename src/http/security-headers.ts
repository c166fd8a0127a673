/**
 * Headers every answer needs whatever route gives it. API answers carry personal data (names, addresses,
 * vulnerability notes) or may: no cache keeps them (`Cache-Control: no-store`, unless the route chose its
 * own, as downloads do) and no browser guesses their type (`nosniff`). With an https PUBLIC_URL, browsers are
 * told to come back only over https for a year, subdomains included (HSTS). The API docs page (swagger-ui) is
 * app.ts's: it sets its own CSP and may be framed by nobody.
 */
import type { FastifyInstance } from 'fastify';

export const HSTS = 'max-age=31536000; includeSubDomains';

/** Adds the headers to every answer of `app` (call before routes are registered, at the root). */
export function registerSecurityHeaders(app: FastifyInstance, options: { publicUrl: string }): void {
  const https = new URL(options.publicUrl).protocol === 'https:';
  app.addHook('onSend', async (request, reply, payload) => {
    if (https) reply.header('strict-transport-security', HSTS);
    if (request.url.startsWith('/api/')) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      if (!reply.hasHeader('x-content-type-options')) reply.header('x-content-type-options', 'nosniff');
    }
    // For browsers older than CSP's frame-ancestors, which the docs page's policy also says.
    if (request.url === '/api/docs' || request.url.startsWith('/api/docs/'))
      reply.header('x-frame-options', 'DENY');
    return payload;
  });
}

/**
 * The API docs page's policy: swagger-ui's own (`staticCSP`, which allows its inline script and style by
 * hash), except that nobody may frame it, nothing loads from swagger.io's validator, and plain http
 * deployments are not upgraded to an https that is not there.
 */
export function docsContentSecurityPolicy(policy: string, https: boolean): string {
  return policy
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .replace(' validator.swagger.io', '')
    .replace(/\s*upgrade-insecure-requests;?/, https ? ' upgrade-insecure-requests;' : '')
    .concat(policy.includes('form-action') ? '' : " form-action 'self';")
    .trim();
}
