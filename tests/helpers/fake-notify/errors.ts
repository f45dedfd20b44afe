/**
 * Notify's v2 error bodies: `{"status_code": 400, "errors": [{"error": "ValidationError",
 * "message": "..."}]}` (alphagov/notifications-api, app/v2/errors.py and app/errors.py
 * InvalidRequest.to_dict_v2). The `error` is the name of the Python exception class.
 */
export interface NotifyErrorItem {
  error: string;
  message: string;
}

export interface NotifyErrorBody {
  status_code: number;
  errors: NotifyErrorItem[];
}

/** Thrown inside the fake's handlers the way Notify raises, and answered as its body. */
export class NotifyError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly NotifyErrorItem[],
  ) {
    super(errors.map((item) => item.message).join('; '));
    this.name = 'NotifyError';
  }

  static of(status: number, error: string, message: string): NotifyError {
    return new NotifyError(status, [{ error, message }]);
  }

  get body(): NotifyErrorBody {
    return { status_code: this.status, errors: this.errors.map((item) => ({ ...item })) };
  }
}

export const badRequest = (message: string) => NotifyError.of(400, 'BadRequestError', message);

/** The team-key refusal, word for word: a curly apostrophe, no full stop (app/notifications/validators.py). */
export const TEAM_KEY_REFUSAL = 'Can’t send to this recipient using a team-only API key';

/** The statuses a test can make the next sends fail with. */
export type InjectedStatus = 500 | 429 | 400 | 403 | 503;

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

const json = (status: number, error: string, message: string): RawAnswer => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(NotifyError.of(status, error, message).body),
});

/**
 * What Notify answers for each injectable status. 500 is its catch-all handler; 429 is the
 * per-minute rate limit of a live key (3,000 a minute, docs "Limits"); 403 is its answer to a
 * key that no longer exists; 400 is a team key meeting a stranger's number. Notify's own code
 * never answers 503: one reaches a client from the load balancer in front of it, as HTML.
 */
export const INJECTED_ANSWERS: Record<InjectedStatus, RawAnswer> = {
  500: json(500, 'Exception', 'Internal server error'),
  429: json(429, 'RateLimitError', 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds'),
  400: json(400, 'BadRequestError', TEAM_KEY_REFUSAL),
  403: json(403, 'AuthError', 'Invalid token: API key not found'),
  503: {
    status: 503,
    contentType: 'text/html',
    body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>',
  },
};

/** A test's own body for an injected failure: a string goes as it is, anything else as JSON. */
export function customAnswer(status: number, body: unknown): RawAnswer {
  return typeof body === 'string'
    ? { status, contentType: 'text/plain; charset=utf-8', body }
    : { status, contentType: 'application/json', body: JSON.stringify(body) };
}
