import { NotifyError, type RawAnswer } from './errors.js';
import { checkAuthorization } from './jwt.js';
import { getNotification, listNotifications } from './read.js';
import { sendNotification, type SendContext } from './send.js';
import type { StoredNotification } from './store.js';

/**
 * Which path does what. Only the v2 notifications routes exist; like Flask, a path or method
 * with no route is answered before authentication, and every route authenticates first.
 */

/** Faults apply to sends (POST /v2/notifications/sms or /email) in the order they were queued. */
export type Fault = { kind: 'fail'; answer: RawAnswer } | { kind: 'drop' } | { kind: 'hang' } | { kind: 'accept-hang' };

/** An answer to write, or: cut the connection unanswered ('drop'), or never answer ('hang'). */
export type Outcome = RawAnswer | 'drop' | 'hang';

export interface Api {
  ctx: SendContext;
  secret: string;
  nextFault(): Fault | undefined;
  created(notification: StoredNotification): void;
}

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: string;
}

const JSON_TYPE = 'application/json';
// Flask's own answers for a path or method it has no route for (app/__init__.py, werkzeug).
const NOT_FOUND = JSON.stringify({ result: 'error', message: 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.' });
const NOT_ALLOWED = JSON.stringify({ result: 'error', message: 'The method is not allowed for the requested URL.' });
const NOTIFICATIONS = /^\/v2\/notifications(?:\/([^/]+))?$/;

export const jsonAnswer = (status: number, body: unknown): RawAnswer => ({ status, contentType: JSON_TYPE, body: JSON.stringify(body) });

/** Runs a handler, answering a NotifyError it raises as Notify's error body. */
function answering(handler: () => RawAnswer): RawAnswer {
  try {
    return handler();
  } catch (error) {
    if (error instanceof NotifyError) return jsonAnswer(error.status, error.body);
    throw error;
  }
}

function send(api: Api, type: 'sms' | 'email', body: string): Outcome {
  const fault = api.nextFault();
  if (fault?.kind === 'fail') return fault.answer;
  if (fault?.kind === 'hang') return 'hang';
  const answer = answering(() => {
    const { body: created, notification } = sendNotification(api.ctx, type, body);
    api.created(notification);
    return jsonAnswer(201, created);
  });
  if (fault?.kind === 'accept-hang') return 'hang';
  return fault?.kind === 'drop' ? 'drop' : answer;
}

export function answerRequest(api: Api, request: ApiRequest): Outcome {
  const match = NOTIFICATIONS.exec(request.path);
  if (!match) return { status: 404, contentType: JSON_TYPE, body: NOT_FOUND };
  const segment = match[1];
  const posting = request.method === 'POST' && segment !== undefined;
  if (!posting && request.method !== 'GET') return { status: 405, contentType: JSON_TYPE, body: NOT_ALLOWED };

  const { ctx } = api;
  const auth = checkAuthorization(request.authorization, { serviceId: ctx.serviceId, secret: api.secret }, Math.floor(Date.now() / 1000));
  if (auth) return jsonAnswer(auth.status, NotifyError.of(auth.status, 'AuthError', auth.message).body);

  if (!posting) {
    return answering(() =>
      jsonAnswer(200, segment === undefined ? listNotifications(ctx.store, ctx.baseUrl, request.query) : getNotification(ctx.store, ctx.baseUrl, segment)),
    );
  }
  if (segment === 'sms' || segment === 'email') return send(api, segment, request.body);
  // The fake's service has no letter permission; any other type is Notify's abort(404).
  if (segment === 'letter') return jsonAnswer(400, NotifyError.of(400, 'BadRequestError', 'Service is not allowed to send letters').body);
  return { status: 404, contentType: JSON_TYPE, body: NOT_FOUND };
}
