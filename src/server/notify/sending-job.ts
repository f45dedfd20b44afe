import type { MessageChannel, MessageKind } from '../../shared/index.js';
import type { NotifyConfig } from '../notify-config.js';
import type { Db } from '../store/database.js';
import { claimDueMessage, updateClaimed, type MessageRow, type MessageUpdate } from '../store/messages.js';
import { findVisitBehindLink } from '../store/visits.js';
import { deliveryOf, followUpDelayMs, refusalReason, retryDelayMs } from './delivery-words.js';
import { stillWanted } from './message-plan.js';
import type { Notifier } from './notify-client.js';
import { NOTIFY_TIMEOUT_MS } from './notify-client.js';
import { personalisationFor } from './personalisation.js';

export interface SendingJobDeps {
  db: Db;
  now: () => Date;
  notify: NotifyConfig;
  notifier: Notifier;
  timeZone: string;
  /** The join link for a visit's current link generation (never logged). */
  linkFor(visitId: string, generation: number): string;
  /** This node's name in leases: a restarted node takes back its own at once (see releaseOwnLeases). */
  owner: string;
  /** A message's status moved: the ward's open visit page asks again. */
  changed(wardId: string, visitId: string): void;
  /** Counts and codes only: never a number, address, name or link. */
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * A claim lasts long enough for a lookup by reference, a send and a record, each bounded by
 * the client's timeout, so no other node takes a message this one is still sending.
 */
export const LEASE_MS = NOTIFY_TIMEOUT_MS * 4;
/** Stops following a message that Notify will say no more about. */
const NEVER = '9999-12-31T00:00:00.000Z';
/** Each run sends at most this many, so a backlog cannot hold one run for ever. */
const MAX_PER_RUN = 200;

/** Only the error's class: a client error's message can carry the request, and so the recipient. */
const errorType = (error: unknown) => (error instanceof Error ? error.name : typeof error);

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/**
 * Sends one claimed message exactly once. A send whose outcome is unknown (a crash, a lost
 * answer, a 5xx) leaves `in_doubt` set; before sending again Notify is asked whether it holds
 * the message's reference, and if it does, that notification is the message.
 */
async function deliver(deps: SendingJobDeps, row: MessageRow): Promise<MessageUpdate> {
  const now = deps.now();
  const channel = row.channel as MessageChannel;
  const kind = row.kind as MessageKind;
  if (row.in_doubt === 1) {
    const known = await deps.notifier.findByReference(channel, row.id).catch((error: unknown) => {
      deps.warn({ messageId: row.id, err: errorType(error) }, 'GOV.UK Notify could not be asked about a message; it will be asked again');
      return undefined;
    });
    if (known === undefined) return { attempts: row.attempts + 1, next_attempt_at: later(now, retryDelayMs(row.attempts + 1)) };
    if (known) return accepted(now, known.id);
  }
  const found = await findVisitBehindLink(deps.db, { visitId: row.visit_id });
  if (!row.recipient || !found || !stillWanted(kind, found.visit.status)) return { state: 'dropped', in_doubt: 0 };
  const link = deps.linkFor(row.visit_id, found.linkGeneration);
  // Recorded before the request leaves: from here a crash means "ask Notify first".
  if (!(await updateClaimed(deps.db, row.id, deps.owner, { in_doubt: 1, attempts: row.attempts + 1 }, now, true))) return {};
  const template = deps.notify.templates[kind][channel];
  const outcome = await deps.notifier.send(channel, template, row.recipient, personalisationFor(kind, found, deps.timeZone, link, Number(row.covers_days)), row.id);
  const attempts = row.attempts + 1;
  if (outcome.kind === 'accepted') return accepted(deps.now(), outcome.notifyId);
  if (outcome.kind === 'refused') {
    deps.warn({ messageId: row.id, status: outcome.status, notifyError: outcome.error }, 'GOV.UK Notify refused a message');
    return { state: 'failed', in_doubt: 0, failure_reason: refusalReason(channel, outcome.error, outcome.message) };
  }
  // 429: Notify made nothing, so the next try need not ask first.
  if (outcome.kind === 'busy') return { in_doubt: 0, attempts, next_attempt_at: later(deps.now(), retryDelayMs(attempts)) };
  deps.warn({ messageId: row.id, status: outcome.status, attempts }, 'GOV.UK Notify could not be reached; the message will be tried again');
  return { attempts, next_attempt_at: later(deps.now(), retryDelayMs(attempts)) };
}

function accepted(now: Date, notifyId: string): MessageUpdate {
  return { state: 'sent', in_doubt: 0, notify_id: notifyId, attempts: 0, next_attempt_at: later(now, followUpDelayMs(0)) };
}

/** Asks Notify how a sent message is going, until it says delivered or not; stops once the contact is deleted. */
async function follow(deps: SendingJobDeps, row: MessageRow): Promise<MessageUpdate> {
  const now = deps.now();
  if (!row.notify_id || !row.recipient) return { next_attempt_at: NEVER };
  const status = await deps.notifier.statusOf(row.notify_id).catch((error: unknown) => {
    deps.warn({ messageId: row.id, err: errorType(error) }, "GOV.UK Notify could not be asked how a message is going; it will be asked again");
    return null;
  });
  const checks = row.attempts + 1;
  if (!status) return { attempts: checks, next_attempt_at: later(now, followUpDelayMs(checks)) };
  const delivery = deliveryOf(row.channel as MessageChannel, status.status);
  if (delivery.state === 'delivered') return { state: 'delivered', next_attempt_at: NEVER };
  if (delivery.state === 'not-delivered') return { state: 'failed', failure_reason: delivery.reason, next_attempt_at: NEVER };
  return { attempts: checks, next_attempt_at: delivery.final ? NEVER : later(now, followUpDelayMs(checks)) };
}

/** Claims and handles due messages until none is left; answers how many it handled. */
export async function sendDueMessages(deps: SendingJobDeps): Promise<number> {
  let handled = 0;
  while (handled < MAX_PER_RUN) {
    const now = deps.now();
    const row = await claimDueMessage(deps.db, deps.owner, now, new Date(now.getTime() + LEASE_MS));
    if (!row) break;
    handled++;
    const update = row.state === 'sent' ? await follow(deps, row) : await deliver(deps, row);
    await updateClaimed(deps.db, row.id, deps.owner, update, deps.now());
    if (update.state && update.state !== row.state) deps.changed(row.ward_id, row.visit_id);
  }
  return handled;
}
