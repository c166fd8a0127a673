/**
 * RFC 9457 problem details. This is the one place where error codes become HTTP statuses.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type AppErrorCode, databaseFailureCode } from '../app/errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a 413 says on this route, in words for whoever sent the body (a route that takes files). */
    bodyTooLarge?: { detail: string; field: string };
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  errors?: { field: string; message: string }[];
  allowed?: string[];
}

const STATUS: Record<AppErrorCode, number> = {
  validation: 400,
  'invalid-reference': 400,
  'not-found': 404,
  'not-allowed-now': 409,
  forbidden: 403,
  objectivity: 403,
  conflict: 409,
  unauthenticated: 401,
  'idempotency-key-reused': 422,
  'password-change-required': 403,
  'second-factor-required': 403,
  'password-sign-in-off': 403,
  'sso-refused': 403,
  'customer-merged': 409,
  'erasure-refused': 409,
  'confirmation-required': 409,
  'root-cause-required': 422,
  'survey-not-found': 404,
  'sign-in-locked': 429,
  'token-scope': 403,
  'database-unavailable': 503,
  'database-timeout': 503,
  'storage-full': 507,
};

/** Seconds a client should wait before retrying a 503: the pool reconnects on the next request. */
export const RETRY_AFTER_SECONDS = 2;

const TITLES: Record<string, string> = {
  validation: 'The request is not valid',
  'invalid-reference': 'That is not a valid complaint reference',
  'not-found': 'Not found',
  'not-allowed-now': 'That is not possible at this point in the procedure',
  forbidden: 'You are not allowed to do that',
  objectivity: 'Someone else must carry out this review',
  conflict: 'Someone else changed this at the same time',
  unauthenticated: 'Sign in first',
  'idempotency-key-reused': 'That Idempotency-Key was used for a different request',
  'password-change-required': 'Change your password first',
  'second-factor-required': 'Set up 2-step verification first',
  'password-sign-in-off': 'Sign in with single sign-on: passwords are turned off',
  'sso-refused': 'Single sign-on did not let you in',
  'customer-merged': 'That customer record was merged into another',
  'erasure-refused': 'The personal data cannot be erased yet',
  'confirmation-required': 'Please confirm',
  'root-cause-required': 'Say what caused the complaint before closing it',
  'survey-not-found': 'That survey link has expired or is not known',
  'sign-in-locked': 'Too many failed sign-ins: wait before trying again',
  'token-scope': 'This API token may not do that',
  'database-unavailable': 'The database is not reachable just now',
  'database-timeout': 'The database could not answer in time',
  'storage-full': 'The server has run out of storage space',
  'malformed-json': 'The body is not valid JSON',
  'body-too-large': 'The body is too large',
  'unsupported-media-type': 'Send JSON',
  'route-not-found': 'No such endpoint',
  'rate-limited': 'Too many requests',
  'cross-site-request': 'Refused: the request came from another site',
  internal: 'Something went wrong on our side',
};

export function problem(code: string, status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/problems/${code}`, title: TITLES[code] ?? code, status, detail, code, ...extra };
}

/** Sends a problem+json response. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** A PostgreSQL "data exception" (SQLSTATE 22xxx), as the pg driver reports it. */
function isDataException(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown };
  return typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code) && typeof e.severity === 'string';
}

/** What a client is told when the database failed: whether to retry, and what became of its request. */
const DATABASE_FAILURE_DETAIL: Record<string, string> = {
  'database-unavailable':
    'The database cannot be reached just now, so the request may not have been carried out. Retry it after ' +
    'the Retry-After interval (with the same Idempotency-Key, if it had one).',
  'database-timeout':
    'The database did not answer within its time limit: the server is busy or the question is very broad ' +
    '(a search for a word in most complaints, say). Nothing was changed. Retry after the Retry-After ' +
    'interval, or narrow the search with more words or a filter.',
  'storage-full':
    'The database could not write: its disk is full. Nothing was recorded. An operator must free space; ' +
    'retry after that.',
};

function fromError(error: FastifyError | Error): Problem {
  const failure = databaseFailureCode(error);
  if (failure) return problem(failure, STATUS[failure], DATABASE_FAILURE_DETAIL[failure] ?? failure);
  if (error instanceof AppError) {
    const { field, allowed } = error.details;
    return problem(error.code, STATUS[error.code], error.message, {
      ...(field
        ? {
            field,
            errors: [
              {
                field,
                message: error.message.startsWith(`${field} `)
                  ? error.message.slice(field.length + 1)
                  : error.message,
              },
            ],
          }
        : {}),
      ...(allowed ? { allowed } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const errors = error.validation.map((v) => {
      const path = [context, ...v.instancePath.split('/').filter(Boolean)];
      const keys = (v.params as { keys?: string[] }).keys;
      if (v.keyword === 'unrecognized_keys' && keys?.length) {
        return {
          field: [...path, keys[0]].join('.'),
          message: 'is not a field this endpoint accepts',
        };
      }
      return { field: path.join('.'), message: v.message ?? 'is not valid' };
    });
    const first = errors[0];
    return problem(
      'validation',
      400,
      first ? `${first.field} ${first.message}` : 'the request is not valid',
      {
        ...(first ? { field: first.field } : {}),
        errors,
      },
    );
  }
  const fastifyError = error as FastifyError;
  if (isDataException(error)) {
    // A value the schemas let through but the database cannot hold (PostgreSQL SQLSTATE class 22): bad input.
    return problem(
      'validation',
      400,
      'a value in the request cannot be stored (e.g. a NUL character or a number out of range)',
    );
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('malformed-json', 400, fastifyError.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('body-too-large', 413, fastifyError.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('unsupported-media-type', 415, fastifyError.message);
    default:
      if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
        return problem('malformed-json', 400, error.message);
      }
      if (fastifyError.statusCode === 429) {
        return problem(
          'rate-limited',
          429,
          'Too many requests from this address: wait a minute and try again',
        );
      }
      if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
        return problem('bad-request', fastifyError.statusCode, fastifyError.message);
      }
      return problem('internal', 500, 'An unexpected error occurred; it has been logged.');
  }
}

/** Fastify's error handler: every failure leaves as problem+json, and only unexpected ones are logged as errors. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let body = fromError(error);
  const tooLarge = request.routeOptions.config?.bodyTooLarge;
  if (body.code === 'body-too-large' && tooLarge) {
    body = problem('body-too-large', 413, tooLarge.detail, {
      field: tooLarge.field,
      errors: [{ field: tooLarge.field, message: tooLarge.detail }],
    });
  }
  if (body.status >= 500) {
    // The driver's own error, whole: its code (SQLITE_FULL, ECONNREFUSED, 57P01) is what an operator needs.
    request.log.error(
      { err: error, code: body.code },
      body.code === 'internal' ? 'unexpected error' : body.title,
    );
  }
  if (body.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  if (error instanceof AppError && error.details.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(error.details.retryAfterSeconds));
  }
  return sendProblem(reply, body);
}
