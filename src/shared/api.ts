import type { Visit } from './visit.js';
import type { FieldProblem } from './booking-rules.js';
import type { ClosedVisitInfo } from './join.js';

/** Every refusal, on every route: a stable code for programs and a sentence for people. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** Booking problems by field, for the form's error summary. */
    fields?: FieldProblem[];
    /** The server's current visit, when a change was based on an older version. */
    visit?: Visit;
    /** A visitor's link to a cancelled or ended visit: which visit, and whom to ask. */
    closedVisit?: ClosedVisitInfo;
  };
}

export type ApiErrorCode =
  | 'invalid_request'
  | 'invalid_booking'
  | 'not_signed_in'
  | 'not_joined'
  | 'wrong_credentials'
  | 'locked'
  | 'not_found'
  | 'conflict'
  | 'not_allowed'
  | 'key_reused'
  | 'too_large'
  | 'unsupported_media_type'
  | 'cross_site'
  | 'rate_limited'
  | 'link_not_found'
  | 'link_closed'
  | 'link_expired'
  | 'weak_password'
  | 'ward_archived'
  | 'turned_away'
  | 'unavailable'
  | 'server_error';

/** Who the tablet is signed in as, and the clock it must use for times. */
export interface SessionInfo {
  ward: { id: string; name: string; code: string };
  hospital: { name: string };
  /** IANA zone of the hospital, for showing and typing times. */
  timeZone: string;
  expiresAt: string;
  /** Whether the server sends visitors their messages by text and email (GOV.UK Notify is set up). */
  messaging: boolean;
}

export interface VisitListResponse {
  visits: Visit[];
  /** Server time the list was read, so the tablet can say "Last updated". */
  asOf: string;
}
