/**
 * Tables as Kysely sees them. Instants are ISO 8601 UTC text in every dialect: it sorts
 * correctly, reads the same from SQLite and PostgreSQL, and needs no conversion.
 */
export interface Database {
  trusts: { id: string; name: string; created_at: string };
  hospitals: { id: string; trust_id: string; name: string; created_at: string };
  wards: {
    id: string;
    hospital_id: string;
    name: string;
    /** Upper case; what staff type to sign in. */
    code: string;
    pin_hash: string;
    created_at: string;
    archived_at: string | null;
    /** The ward's phone number for families, as the admin typed it; null when not given. */
    phone: string | null;
  };
  visits: VisitsTable;
  messages: MessagesTable;
  sessions: {
    /** SHA-256 of the cookie's token: a copy of the database cannot sign anyone in. */
    token_hash: string;
    ward_id: string;
    created_at: string;
    expires_at: string;
    ended_at: string | null;
  };
  idempotency_keys: {
    ward_id: string;
    key: string;
    /** SHA-256 of the command, so a reused key with other content is noticed. */
    request_hash: string;
    status_code: number;
    response_body: string;
    created_at: string;
  };
  /** A visitor's page after it swapped its link's token for a session cookie. */
  visitor_sessions: {
    /** SHA-256 of the cookie's token. */
    token_hash: string;
    visit_id: string;
    created_at: string;
    expires_at: string;
    /** The ward turned this visitor away: the session opens nothing, and the link refuses its browser. */
    turned_away_at: string | null;
  };
  /** A sign-in try for a ward, counted before its PIN is checked and deleted when the PIN was right. */
  ward_sign_in_tries: { id: string; ward_id: string; tried_at: string };
  /** A tablet the ward has used: it may still sign in while the code is locked against strangers. */
  ward_devices: { token_hash: string; ward_id: string; created_at: string; expires_at: string; revoked_at: string | null };
  /** Visitor feedback as counts only: no visit id, no name, nothing to link an answer back. */
  feedback_counts: {
    ward_id: string;
    /** YYYY-MM-DD in the hospital's time zone. */
    day: string;
    answer: string;
    count: number;
  };
  admins: {
    id: string;
    /** Lower case. */
    email: string;
    password_hash: string | null;
    /** Base32; the authenticator app holds the same. */
    totp_secret: string | null;
    totp_confirmed_at: string | null;
    totp_last_step: number;
    created_at: string;
  };
  admin_setup_links: { token_hash: string; admin_id: string; expires_at: string; used_at: string | null };
  admin_recovery_codes: { code_hash: string; admin_id: string; used_at: string | null };
  admin_sessions: {
    token_hash: string;
    admin_id: string;
    verified_at: string | null;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    ended_at: string | null;
  };
  admin_sign_in_failures: { email: string; failures: number; locked_until: string | null; updated_at: string };
  audit_log: {
    id: string;
    at: string;
    admin_id: string | null;
    actor: string;
    action: string;
    hospital_id: string | null;
    ward_id: string | null;
    detail: string | null;
  };
}

export interface VisitsTable {
  id: string;
  ward_id: string;
  version: number;
  status: string;
  starts_at: string;
  length_minutes: number;
  /** Personal fields: the retention job sets these to null. */
  patient_name: string | null;
  bed: string | null;
  visitor_name: string | null;
  visitor_mobile: string | null;
  visitor_email: string | null;
  cancel_reason: string | null;
  rebook_of: string | null;
  created_at: string;
  updated_at: string;
  /** SHA-256 of the join link's token, once the link has been made. */
  join_token_hash: string | null;
  /** Bumped by "Make a new link": part of the token, so the old link stops working. */
  link_generation: number;
  /** When the ward pressed "Start visit", media first connected, and the visit ended. */
  ready_at: string | null;
  connected_at: string | null;
  ended_at: string | null;
  /** How many feedback answers this visit's link has given (never which ones). */
  feedback_given: number;
  /** Times the call's media was interrupted and came back; seconds it was gone in all. */
  reconnections: number;
  outage_seconds: number;
  /** Set while an interruption is open. */
  interrupted_at: string | null;
}

/** The outbox of visitors' texts and emails (server/notify/). */
export interface MessagesTable {
  /** Also the `reference` Notify keeps with it. */
  id: string;
  ward_id: string;
  visit_id: string;
  kind: string;
  channel: string;
  /** The mobile number or email address: personal, so the retention job sets it to null. */
  recipient: string | null;
  /** queued, sent (Notify took it), delivered, failed, or dropped (no longer wanted). */
  state: string;
  /** 1 while a send's outcome is unknown: before sending again, Notify is asked for the reference. */
  in_doubt: number;
  attempts: number;
  /** When the job next sends it (queued) or asks Notify how it went (sent). */
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  /** Notify's id for it, once Notify took it. */
  notify_id: string | null;
  /** Why it was not delivered, in plain words. */
  failure_reason: string | null;
  /** The key of the "Send the link again" that made it, if one did. */
  resend_key: string | null;
  /** How many days of a repeat booking this confirmation covers (1 for any other message). */
  covers_days: number;
  created_at: string;
  updated_at: string;
}
