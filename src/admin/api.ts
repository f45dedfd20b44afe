import type { ApiErrorBody, ApiErrorCode } from '../shared/api.js';
import type {
  AdminInviteAnswer,
  AdminSessionInfo,
  AdminSignInStep,
  AdminSummary,
  AuditLogResponse,
  HospitalListResponse,
  HospitalSummary,
  ReportQuery,
  ReportResponse,
  WardPinAnswer,
  WardSummary,
} from '../shared/admin.js';

/** The server refused a request; `message` is its plain-English sentence, fit to show. */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The request never got an answer: no network, or the server is down. */
export class AdminNetworkError extends Error {
  override readonly name = 'AdminNetworkError';
  constructor(options?: { cause?: unknown }) {
    super('The server cannot be reached. Check your connection and try again.', options);
  }
}

const NO_CONTENT = 204;
const UNREADABLE = 'Something went wrong. Try again.';

/**
 * Told when a request finds the admin's session over (idle or at its limit), so the area
 * can go back to sign in from any screen. Sign-in's own requests are not told: a 401 there
 * means wrong details, not a lost session.
 */
let onSessionEnded: () => void = () => {};
export function whenSessionEnds(listener: () => void) {
  onSessionEnded = listener;
}

async function request<T>(method: string, path: string, body?: unknown, quiet401 = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? null : JSON.stringify(body) });
  } catch (cause) {
    throw new AdminNetworkError({ cause });
  }
  if (!response.ok) {
    const refusal = await readRefusal(response);
    if (response.status === 401 && refusal.code === 'not_signed_in' && !quiet401) onSessionEnded();
    throw new AdminApiError(response.status, refusal.code, refusal.message);
  }
  if (response.status === NO_CONTENT) return undefined as T;
  return (await response.json()) as T;
}

async function readRefusal(response: Response): Promise<ApiErrorBody['error']> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (body.error && typeof body.error.message === 'string') return body.error;
  } catch {
    // Not JSON (a proxy's page, say): fall through to a plain sentence.
  }
  return { code: response.status >= 500 ? 'server_error' : 'invalid_request', message: UNREADABLE };
}

const ward = (id: string) => `/api/admin/wards/${encodeURIComponent(id)}`;

/** Query string for a report and its CSV: only the parts chosen, so the server fills in the rest. */
export function reportQueryString(query: ReportQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The admin area's only route to the server. */
export const adminApi = {
  setUp: (token: string, password: string) => request<{ email: string }>('POST', '/api/admin/setup', { token, password }, true),
  signIn: (email: string, password: string) => request<AdminSignInStep>('POST', '/api/admin/session', { email, password }, true),
  secondFactor: (code: string) => request<AdminSignInStep & { step: 'signed-in' }>('POST', '/api/admin/session/second-factor', { code }, true),
  session: () => request<AdminSessionInfo>('GET', '/api/admin/session', undefined, true),
  signOut: () => request<void>('DELETE', '/api/admin/session', undefined, true),
  changePassword: (currentPassword: string, newPassword: string) => request<void>('POST', '/api/admin/password', { currentPassword, newPassword }),
  admins: () => request<{ admins: AdminSummary[] }>('GET', '/api/admin/admins'),
  invite: (email: string) => request<AdminInviteAnswer>('POST', '/api/admin/admins', { email }),
  hospitals: () => request<HospitalListResponse>('GET', '/api/admin/hospitals'),
  addHospital: (name: string) => request<HospitalSummary>('POST', '/api/admin/hospitals', { name }),
  renameHospital: (id: string, name: string) => request<HospitalSummary>('PATCH', `/api/admin/hospitals/${encodeURIComponent(id)}`, { name }),
  addWard: (fields: { hospitalId: string; name: string; code: string; pin?: string }) => request<WardPinAnswer>('POST', '/api/admin/wards', fields),
  changeWard: (id: string, change: { name?: string; code?: string; hospitalId?: string }) => request<WardSummary>('PATCH', ward(id), change),
  resetPin: (id: string, pin?: string) => request<WardPinAnswer>('POST', `${ward(id)}/pin`, pin ? { pin } : {}),
  archiveWard: (id: string) => request<{ ward: WardSummary; signedOut: number }>('POST', `${ward(id)}/archive`, {}),
  unarchiveWard: (id: string) => request<{ ward: WardSummary; signedOut: number }>('POST', `${ward(id)}/unarchive`, {}),
  audit: () => request<AuditLogResponse>('GET', '/api/admin/audit'),
  report: (query: ReportQuery) => request<ReportResponse>('GET', `/api/admin/reports${reportQueryString(query)}`),
};

/** A failure in words for the person: the server's sentence, or ours for a lost connection. */
export function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
