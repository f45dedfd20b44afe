import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../../shared/index.js';

/** What a refusal may say besides its code and message. */
export type ErrorDetails = Omit<ApiErrorBody['error'], 'code' | 'message'>;

/** A refusal a route decides on: becomes `{ error: { code, message } }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Extra response headers, such as Retry-After on a refusal that ends at a known time. */
    readonly headers: Record<string, string> = {},
    /** More for the page to show, such as whom to contact about a closed visit. */
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendError(reply: FastifyReply, statusCode: number, code: ApiErrorCode, message: string, details: ErrorDetails = {}): FastifyReply {
  const body: ApiErrorBody = { error: { code, message, ...details } };
  return reply.code(statusCode).send(body);
}

/** Fastify's own refusals, reworded for people. */
const FASTIFY_REFUSALS: Record<string, { code: ApiErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_request', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_request', message: 'The request body is empty. Send a JSON object.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'too_large', message: 'The request is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the request body as JSON (Content-Type: application/json).' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_request', message: 'The request body is not the length it says it is.' },
};

/**
 * A write that lost a race with another for a unique value, seen after the route's own check
 * (two admins giving two wards one code at the same moment): SQLite's and PostgreSQL's codes.
 */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

const SIMULTANEOUS = 'Someone made the same change at the same moment. Look again, then try again if it is still needed.';

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError) return sendError(reply.headers(error.headers), error.statusCode, error.code, error.message, error.details);
  if (isUniqueViolation(error)) {
    // Nothing was written (the transaction failed), so the person is told, not the log as a fault.
    request.log.warn({ err: { type: error.name } }, 'a write lost a race for a unique value');
    return sendError(reply, 409, 'conflict', SIMULTANEOUS);
  }
  const known = error.code ? FASTIFY_REFUSALS[error.code] : undefined;
  const status = error.statusCode ?? 500;
  if (known) return sendError(reply, status, known.code, known.message);
  // secure-json-parse refuses __proto__ and constructor keys with a SyntaxError.
  if (error instanceof SyntaxError || (status >= 400 && status < 500)) {
    return sendError(reply, status >= 400 && status < 500 ? status : 400, 'invalid_request', 'The request could not be read. Check it is valid JSON.');
  }
  // Only the error's name and stack: never the request body, which may hold personal data.
  request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'request failed');
  return sendError(reply, 500, 'server_error', 'Something went wrong on the server. Try again.');
}

/**
 * Field names the sender typed are named back only when they look like field names, a few at
 * most: anything else (markup, a path, ".js", a novel) is only counted, never repeated.
 */
const PLAIN_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const FIELDS_NAMED_AT_MOST = 5;

function namedBack(keys: readonly string[]): string {
  const named = keys.filter((key) => PLAIN_FIELD_NAME.test(key)).slice(0, FIELDS_NAMED_AT_MOST);
  const others = keys.length - named.length;
  if (named.length === 0) return '';
  return `: ${named.join(', ')}${others > 0 ? ` and ${others} more` : ''}`;
}

/** Zod's findings as short sentences naming the field, e.g. "fields.lengthMinutes must be a number". */
export function describeZodError(error: ZodError): string {
  const sentences = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'The request body';
    switch (issue.code) {
      case 'invalid_type':
        return `${where} must be ${issue.expected === 'object' ? 'a JSON object' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}`;
      case 'too_big':
        return `${where} is too long or too large`;
      case 'too_small':
        return `${where} is too short or too small`;
      case 'unrecognized_keys':
        return `${where} has fields that are not allowed${namedBack(issue.keys)}`;
      case 'invalid_union':
        return `${where} is not a known kind of request`;
      default:
        return `${where} is not valid`;
    }
  });
  return `The request is not valid: ${sentences.join('; ')}.`;
}

export function parseOr400<T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: ZodError } }, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new HttpError(400, 'invalid_request', describeZodError(result.error));
  return result.data;
}
