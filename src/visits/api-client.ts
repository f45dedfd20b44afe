import type { ApiErrorBody, Command, CommandResult, JoinLink, SessionInfo, Visit, VisitListResponse, VisitMessages } from '../shared/index.js';
import { ApiError, NetworkError, unreadableRefusal } from './errors.js';

/** The ward tablet's only route to the server's HTTP API. */
export interface ApiClient {
  signIn(wardCode: string, pin: string): Promise<SessionInfo>;
  getSession(): Promise<SessionInfo>;
  signOut(): Promise<void>;
  listVisits(): Promise<VisitListResponse>;
  getVisit(id: string): Promise<Visit>;
  /** The visit's join link, to share with the visitor (needs the network). */
  getJoinLink(id: string): Promise<JoinLink>;
  /** "Make a new link": the old one stops working at once (needs the network). */
  replaceJoinLink(id: string): Promise<JoinLink>;
  sendCommand(command: Command): Promise<CommandResult>;
  /** Where the visitor's texts and emails are (needs the network; never kept on the device). */
  getVisitMessages(id: string): Promise<VisitMessages>;
  /** "Send the link again": `key` makes a double tap or a retry one resend. */
  resendLink(id: string, key: string): Promise<VisitMessages>;
}

const NO_CONTENT = 204;

/**
 * One JSON request to the API: the answer, or an ApiError with the server's sentence, or a
 * NetworkError when nothing answered. The admin area's client uses it too.
 */
export async function requestJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    throw new NetworkError({ cause });
  }
  if (!response.ok) throw new ApiError(response.status, await readRefusal(response));
  if (response.status === NO_CONTENT) return undefined as T;
  return (await response.json()) as T;
}

async function readRefusal(response: Response): Promise<ApiErrorBody['error']> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (body.error && typeof body.error.message === 'string') return body.error;
  } catch {
    // Not JSON: fall through to a generic sentence.
  }
  return unreadableRefusal(response.status);
}

/** `base` is for tests and other origins; the tablet uses its own origin. */
export function createApiClient(base = ''): ApiClient {
  return {
    signIn: (wardCode, pin) => requestJson('POST', `${base}/api/session`, { wardCode, pin }),
    getSession: () => requestJson('GET', `${base}/api/session`),
    signOut: () => requestJson('DELETE', `${base}/api/session`),
    listVisits: () => requestJson('GET', `${base}/api/visits`),
    getVisit: (id) => requestJson('GET', `${base}/api/visits/${encodeURIComponent(id)}`),
    getJoinLink: (id) => requestJson('GET', `${base}/api/visits/${encodeURIComponent(id)}/join-link`),
    replaceJoinLink: (id) => requestJson('POST', `${base}/api/visits/${encodeURIComponent(id)}/join-link`, {}),
    sendCommand: (command) => requestJson('POST', `${base}/api/commands`, command),
    getVisitMessages: (id) => requestJson('GET', `${base}/api/visits/${encodeURIComponent(id)}/messages`),
    resendLink: (id, key) => requestJson('POST', `${base}/api/visits/${encodeURIComponent(id)}/messages/resend`, { key }),
  };
}
