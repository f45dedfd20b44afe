import { randomUUID } from 'node:crypto';

/**
 * The fake's notifications, and how Notify shows one on GET (Notification.serialize_with_cost_data
 * in alphagov/notifications-api app/models.py): every key always present, null where unused.
 */
export type NotificationType = 'sms' | 'email';

/** The statuses a text message or email can have (app/constants.py, docs "Message status"). */
export type NotificationStatus =
  | 'created'
  | 'sending'
  | 'pending'
  | 'sent'
  | 'delivered'
  | 'permanent-failure'
  | 'temporary-failure'
  | 'technical-failure'
  | 'cancelled';

export type FailureStatus = 'permanent-failure' | 'temporary-failure' | 'technical-failure';

// NOTIFICATION_STATUS_TYPES_COMPLETED: completed_at is shown only for these.
const COMPLETED = new Set<string>(['sent', 'delivered', 'failed', 'technical-failure', 'temporary-failure', 'permanent-failure', 'cancelled']);
// "failed" in a status filter means any failure (Notification.substitute_status).
const FAILED = ['technical-failure', 'temporary-failure', 'permanent-failure', 'validation-failed', 'virus-scan-failed', 'returned-letter'];

/** Illustrative cost of one text message fragment, in pounds; Notify reads its from a rates table. */
const SMS_FRAGMENT_RATE = 0.0227;
const SINGLE_SMS_LENGTH = 160;
const CONCATENATED_SMS_FRAGMENT_LENGTH = 153;

export interface StoredNotification {
  id: string;
  /** Creation order, so "older than" and newest-first hold within one millisecond. */
  seq: number;
  type: NotificationType;
  /** The recipient exactly as the request gave it; Notify shows it back that way. */
  to: string;
  templateId: string;
  templateVersion: number;
  personalisation: Record<string, unknown>;
  reference: string | null;
  body: string;
  subject: string | null;
  unsubscribeUrl: string | null;
  status: NotificationStatus;
  createdAt: Date;
  sentAt: Date | null;
  updatedAt: Date | null;
}

export type NewNotification = Omit<StoredNotification, 'id' | 'seq' | 'status' | 'createdAt' | 'sentAt' | 'updatedAt'>;

/** One notification the fake accepted, as a test reads it back. */
export interface SentNotification {
  id: string;
  type: NotificationType;
  /** The phone number or email address exactly as the request gave it. */
  to: string;
  templateId: string;
  personalisation: Record<string, unknown>;
  reference: string | null;
  status: NotificationStatus;
  body: string;
  subject: string | null;
}

export const asSent = (n: StoredNotification): SentNotification => ({
  id: n.id,
  type: n.type,
  to: n.to,
  templateId: n.templateId,
  personalisation: structuredClone(n.personalisation),
  reference: n.reference,
  status: n.status,
  body: n.body,
  subject: n.subject,
});

export interface ListFilter {
  types?: string[];
  statuses?: string[];
  reference?: string;
  olderThan?: string;
}

/** Python's "%Y-%m-%dT%H:%M:%S.%fZ": microseconds, which JavaScript dates do not have. */
export const notifyTime = (date: Date) => date.toISOString().replace('Z', '000Z');
const timeOrNull = (date: Date | null) => (date ? notifyTime(date) : null);

export class NotificationStore {
  private readonly byId = new Map<string, StoredNotification>();
  private nextSeq = 0;

  add(fields: NewNotification): StoredNotification {
    const stored: StoredNotification = { ...fields, id: randomUUID(), seq: this.nextSeq++, status: 'created', createdAt: new Date(), sentAt: null, updatedAt: null };
    this.byId.set(stored.id, stored);
    return stored;
  }

  get(id: string): StoredNotification | undefined {
    return this.byId.get(id);
  }

  /** Oldest first. */
  all(): StoredNotification[] {
    return [...this.byId.values()];
  }

  /** Newest first, as Notify pages them; "older than" an id it does not hold finds nothing. */
  list(filter: ListFilter, pageSize: number): StoredNotification[] {
    const statuses = filter.statuses?.flatMap((status) => (status === 'failed' ? FAILED : [status]));
    const pivot = filter.olderThan === undefined ? undefined : this.byId.get(filter.olderThan);
    if (filter.olderThan !== undefined && !pivot) return [];
    return this.all()
      .filter((n) => !filter.types || filter.types.includes(n.type))
      .filter((n) => !statuses || statuses.includes(n.status))
      .filter((n) => filter.reference === undefined || n.reference === filter.reference)
      .filter((n) => !pivot || n.seq < pivot.seq)
      .reverse()
      .slice(0, pageSize);
  }

  setStatus(id: string, status: NotificationStatus): StoredNotification {
    const stored = this.byId.get(id);
    if (!stored) throw new Error(`The fake Notify has no notification ${id}`);
    const now = new Date();
    // sent_at is when Notify handed the message to a provider: the first move out of "created".
    if (status !== 'created' && !stored.sentAt) stored.sentAt = now;
    stored.status = status;
    stored.updatedAt = now;
    return stored;
  }

  clear(): void {
    this.byId.clear();
  }
}

function smsFragments(body: string): number {
  return body.length <= SINGLE_SMS_LENGTH ? 1 : Math.ceil(body.length / CONCATENATED_SMS_FRAGMENT_LENGTH);
}

/** A text's cost is known once it has left "created" (Notification._is_cost_data_ready_for_sms). */
function costData(n: StoredNotification) {
  if (n.type === 'email') return { cost_details: {}, cost_in_pounds: 0, is_cost_data_ready: true };
  if (n.status === 'created') return { cost_details: {}, cost_in_pounds: null, is_cost_data_ready: false };
  const fragments = smsFragments(n.body);
  return {
    cost_details: { billable_sms_fragments: fragments, international_rate_multiplier: 1, sms_rate: SMS_FRAGMENT_RATE },
    cost_in_pounds: fragments * SMS_FRAGMENT_RATE,
    is_cost_data_ready: true,
  };
}

/** The body of GET /v2/notifications/{id}, and each item of GET /v2/notifications. */
export function serialise(n: StoredNotification, baseUrl: string) {
  return {
    id: n.id,
    reference: n.reference,
    email_address: n.type === 'email' ? n.to : null,
    phone_number: n.type === 'sms' ? n.to : null,
    line_1: null,
    line_2: null,
    line_3: null,
    line_4: null,
    line_5: null,
    line_6: null,
    postcode: null,
    type: n.type,
    status: n.status,
    template: { version: n.templateVersion, id: n.templateId, uri: `${baseUrl}/v2/template/${n.templateId}/version/${n.templateVersion}` },
    body: n.body,
    subject: n.subject,
    created_at: notifyTime(n.createdAt),
    created_by_name: null,
    sent_at: timeOrNull(n.sentAt),
    completed_at: COMPLETED.has(n.status) ? timeOrNull(n.updatedAt) : null,
    scheduled_for: null,
    postage: null,
    one_click_unsubscribe_url: n.unsubscribeUrl,
    ...costData(n),
  };
}
