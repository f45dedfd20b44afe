import type { FeedbackAnswer } from './feedback.js';

/**
 * The trust admin area's contract: every request body and answer of /api/admin, shared by
 * the admin page and the server (its request schemas are in admin-schemas.ts). Admins see counts and settings, never personal data, so
 * nothing here holds a patient's or visitor's name, number or email.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const HOSPITAL_NAME_MAX_LENGTH = 100;
export const WARD_NAME_MAX_LENGTH = 100;
/** Long enough for any email address (RFC 5321's limit). */
export const ADMIN_EMAIL_MAX_LENGTH = 254;
/** A ward PIN the server makes up: longer than the minimum, as nobody has to choose it. */
export const GENERATED_PIN_DIGITS = 8;
export const PIN_MAX_DIGITS = 12;
export const RECOVERY_CODE_COUNT = 10;
/** An admin session ends after this long without a request, and after the maximum whatever happens. */
export const ADMIN_IDLE_MINUTES = 15;
export const ADMIN_SESSION_MAX_HOURS = 8;
/** A set-up link (first admin, an invited admin) works this long, once. */
export const ADMIN_SETUP_LINK_HOURS = 24;
/** The longest report range: a year and a day, so "the last 12 months" always fits. */
export const REPORT_MAX_DAYS = 366;
export const REPORT_DEFAULT_DAYS = 30;

/** Letters and digits only, so a code reads out clearly over the phone; compared without case. */
export const WARD_CODE_PATTERN = /^[A-Za-z0-9]+$/;

// The request schemas' types, for the admin page (the schemas are the server's).
export type { ReportQuery } from './admin-schemas.js';

export interface AdminSummary {
  id: string;
  email: string;
  /** False until the admin has chosen a password and set up their authenticator app. */
  active: boolean;
  createdAt: string;
}

/** What signing in answers at each step. */
export type AdminSignInStep =
  /** Password right: enter a code from the authenticator app (or a recovery code). */
  | { step: 'second-factor' }
  /** First sign-in: add the service to an authenticator app, then enter its code. */
  | { step: 'set-up-second-factor'; otpauthUri: string; secret: string }
  /** Signed in. Recovery codes are answered once, when the second factor is first set up. */
  | { step: 'signed-in'; session: AdminSessionInfo; recoveryCodes?: string[] };

export interface AdminSessionInfo {
  admin: { id: string; email: string };
  /** When the session ends at the latest; it ends sooner after ADMIN_IDLE_MINUTES idle. */
  expiresAt: string;
  timeZone: string;
}

export interface WardSummary {
  id: string;
  hospitalId: string;
  name: string;
  code: string;
  /** The ward's phone number for families, as the admin typed it; null when not given. */
  phone: string | null;
  archived: boolean;
  createdAt: string;
}

export interface HospitalSummary {
  id: string;
  name: string;
  wards: WardSummary[];
}

/** GET /api/admin/hospitals: every hospital of the trust with its wards, archived ones too. */
export interface HospitalListResponse {
  hospitals: HospitalSummary[];
}

/** A ward just made, or its PIN just reset: the PIN is answered only when the server made it up, and only this once. */
export interface WardPinAnswer {
  ward: WardSummary;
  generatedPin?: string;
  /** How many tablet sessions were signed out. */
  signedOut: number;
}

/** An invited admin's one-time set-up link, shown once to pass on. */
export interface AdminInviteAnswer {
  admin: AdminSummary;
  setupLink: string;
  expiresAt: string;
}

export interface AuditEntry {
  at: string;
  /** The admin's email, or "command line". */
  actor: string;
  /** e.g. "ward.created"; the admin area words them (src/admin/audit-labels.ts). */
  action: string;
  hospitalName: string | null;
  wardName: string | null;
  /** Settings that changed, in words; never a PIN, password or code. */
  detail: string | null;
}

export interface AuditLogResponse {
  entries: AuditEntry[];
}

/** One day of a report: counts by what became of the visits whose slot was that day. */
export interface ReportDay {
  /** YYYY-MM-DD, hospital-local. */
  day: string;
  booked: number;
  completed: number;
  cancelled: number;
  missed: number;
  /** Ended by the ward with nobody having joined: not a completed call. */
  endedUnjoined: number;
  callMinutes: number;
  reconnections: number;
  outageMinutes: number;
}

export interface ReportTotals {
  booked: number;
  completed: number;
  cancelled: number;
  missed: number;
  endedUnjoined: number;
  /** Time connected, as the server saw it, without outages. */
  totalCallMinutes: number;
  /** Over completed visits; null when there were none. */
  averageCallMinutes: number | null;
  reconnections: number;
  outageMinutes: number;
}

export interface ReportResponse {
  from: string;
  to: string;
  /** What the report covers, in words: "All wards", a hospital's name, or a ward's. */
  scope: string;
  totals: ReportTotals;
  days: ReportDay[];
  feedback: Record<FeedbackAnswer, number>;
}
