import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { MessageKind } from '../../shared/index.js';
import type { Db } from './database.js';
import type { MessagesTable } from './schema.js';

export type MessageRow = Selectable<MessagesTable>;

/**
 * The message outbox's SQL (notify/ decides what to send and when). Every write the sending
 * job makes is conditional on the row's state or lease, so several nodes may run the job at
 * once and each message is claimed by one of them at a time.
 */

export async function insertMessages(
  db: Db,
  wardId: string,
  visitId: string,
  drafts: readonly { kind: MessageKind; channel: string; recipient: string }[],
  now: Date,
  extra: { resendKey?: string | null; state?: 'queued' | 'covered'; coversDays?: number } = {},
): Promise<void> {
  if (drafts.length === 0) return;
  const at = now.toISOString();
  await db
    .insertInto('messages')
    .values(
      drafts.map((draft) => ({
        ...{ id: randomUUID(), ward_id: wardId, visit_id: visitId, kind: draft.kind, channel: draft.channel, recipient: draft.recipient },
        ...{ state: extra.state ?? 'queued', in_doubt: 0, attempts: 0, next_attempt_at: at, created_at: at, updated_at: at },
        ...{ resend_key: extra.resendKey ?? null, covers_days: extra.coversDays ?? 1 },
      })),
    )
    .execute();
}

/**
 * Drops the visit's queued messages of these kinds that no node is sending and none may have
 * sent already. One that is in flight, or whose last send's answer was lost, is left for the
 * job: it finds out whether Notify has it before deciding.
 */
export async function dropPending(db: Db, visitId: string, kinds: readonly MessageKind[], now: Date): Promise<void> {
  if (kinds.length === 0) return;
  const at = now.toISOString();
  await db
    .updateTable('messages')
    .set({ state: 'dropped', updated_at: at })
    .where('visit_id', '=', visitId)
    .where('state', '=', 'queued')
    .where('kind', 'in', [...kinds])
    .where('in_doubt', '=', 0)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
    .execute();
}

/** The visit's messages, oldest first. */
export async function listMessages(db: Db, visitId: string): Promise<MessageRow[]> {
  return db.selectFrom('messages').selectAll().where('visit_id', '=', visitId).orderBy('created_at').orderBy('id').execute();
}

/** What the job does with a message it claimed: send it (queued) or ask Notify how it went (sent). */
const WORKING_STATES = ['queued', 'sent'];

/**
 * Claims one due message for `owner` until `leaseUntil`, or answers undefined when none is due.
 * The row's state and lease are checked again in the update itself, so two nodes that picked
 * the same candidate cannot both claim it: on PostgreSQL the second update waits for the
 * first's row lock and then re-checks its WHERE against the row as committed (READ COMMITTED
 * does that for UPDATE), so it matches nothing. No FOR UPDATE needed.
 */
export async function claimDueMessage(db: Db, owner: string, now: Date, leaseUntil: Date): Promise<MessageRow | undefined> {
  const at = now.toISOString();
  const candidate = await db
    .selectFrom('messages')
    .select('id')
    .where('state', 'in', WORKING_STATES)
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
    .orderBy('next_attempt_at')
    .limit(1)
    .executeTakeFirst();
  if (!candidate) return undefined;
  const claimed = await db
    .updateTable('messages')
    .set({ lease_owner: owner, lease_until: leaseUntil.toISOString() })
    .where('id', '=', candidate.id)
    .where('state', 'in', WORKING_STATES)
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
    .returningAll()
    .executeTakeFirst();
  // Another node took it between the two statements: try the next one.
  return claimed ?? claimDueMessage(db, owner, now, leaseUntil);
}

/** What the job learnt about a message it holds; the lease is given back with it. */
export type MessageUpdate = Partial<Pick<MessageRow, 'state' | 'in_doubt' | 'attempts' | 'next_attempt_at' | 'notify_id' | 'failure_reason'>>;

/** Records an outcome for a message this owner holds; answers false when its lease was lost meanwhile. */
export async function updateClaimed(db: Db, id: string, owner: string, update: MessageUpdate, now: Date, keepLease = false): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({ ...update, updated_at: now.toISOString(), ...(keepLease ? {} : { lease_owner: null, lease_until: null }) })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Messages waiting to be sent, across the trust: for metrics and for tests. */
export async function countQueued(db: Db): Promise<number> {
  const row = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'queued').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The retention job's part: these visits' numbers and addresses go, and anything unsent with them. */
export async function clearRecipients(db: Db, visitIds: readonly string[], now: Date): Promise<number> {
  if (visitIds.length === 0) return 0;
  const at = now.toISOString();
  await db.updateTable('messages').set({ state: 'dropped', updated_at: at }).where('visit_id', 'in', [...visitIds]).where('state', '=', 'queued').where('in_doubt', '=', 0).execute();
  const result = await db.updateTable('messages').set({ recipient: null, updated_at: at }).where('visit_id', 'in', [...visitIds]).where('recipient', 'is not', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A node that starts again holds nothing in flight, so leases in its own name are from the
 * run that stopped (perhaps mid-send): taken back at once, not after they expire. The
 * messages stay in doubt, so Notify is asked about each before any is sent again.
 */
export async function releaseLeases(db: Db, owner: string): Promise<void> {
  await db.updateTable('messages').set({ lease_owner: null, lease_until: null }).where('lease_owner', '=', owner).execute();
}
