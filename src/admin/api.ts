// Straight from the modules, not the index: the admin area needs none of the tablet's IndexedDB code.
import { requestJson } from '../visits/api-client.js';
import { ApiError } from '../visits/errors.js';
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

/**
 * Told when a request finds the admin's session over (idle or at its limit), so the area
 * can go back to sign in from any screen. Sign-in's own requests are not told: a 401 there
 * means wrong details, not a lost session.
 */
let onSessionEnded: () => void = () => {};
export function whenSessionEnds(listener: () => void) {
  onSessionEnded = listener;
}

/** The API's one JSON request (src/visits), watching for the session's end. */
async function request<T>(method: string, path: string, body?: unknown, quiet401 = false): Promise<T> {
  try {
    return await requestJson<T>(method, path, body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && error.code === 'not_signed_in' && !quiet401) onSessionEnded();
    throw error;
  }
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
  addWard: (fields: { hospitalId: string; name: string; code: string; pin?: string; phone?: string }) => request<WardPinAnswer>('POST', '/api/admin/wards', fields),
  changeWard: (id: string, change: { name?: string; code?: string; hospitalId?: string; phone?: string | null }) => request<WardSummary>('PATCH', ward(id), change),
  resetPin: (id: string, pin?: string) => request<WardPinAnswer>('POST', `${ward(id)}/pin`, pin ? { pin } : {}),
  archiveWard: (id: string) => request<{ ward: WardSummary; signedOut: number }>('POST', `${ward(id)}/archive`, {}),
  unarchiveWard: (id: string) => request<{ ward: WardSummary; signedOut: number }>('POST', `${ward(id)}/unarchive`, {}),
  audit: () => request<AuditLogResponse>('GET', '/api/admin/audit'),
  report: (query: ReportQuery) => request<ReportResponse>('GET', `/api/admin/reports${reportQueryString(query)}`),
};

export { ApiError };

/** A failure in words for the person: the server's sentence, or ours for a lost connection. */
export function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
