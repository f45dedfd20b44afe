import type { ApiErrorBody, ApiErrorCode, FieldProblem, Visit } from '../shared/index.js';

/** The server refused a request; `message` is its plain-English sentence, fit to show. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldProblem[] | undefined;
  readonly visit: Visit | undefined;

  constructor(status: number, body: ApiErrorBody['error']) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
    this.visit = body.visit;
  }
}

export const OFFLINE_MESSAGE = "You're offline or the server cannot be reached. Try again.";

/** The request never got an answer: no network, or the server is down. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(options?: { cause?: unknown }) {
    super(OFFLINE_MESSAGE, options);
  }
}

/** A refusal we could not read (a proxy's HTML page, say) still gets a plain sentence. */
export function unreadableRefusal(status: number): ApiErrorBody['error'] {
  return { code: status >= 500 ? 'server_error' : 'invalid_request', message: 'Something went wrong. Try again.' };
}
