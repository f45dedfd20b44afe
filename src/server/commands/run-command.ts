import type { ApiErrorBody, Command, CommandResult, Visit } from '../../shared/index.js';
import type { QueueMessages } from '../notify/index.js';
import type { Db } from '../store/database.js';
import { findResult, lockKey, saveResult } from '../store/idempotency.js';
import { anyVisitExists, findVisit, insertVisit, updateVisit } from '../store/visits.js';
import { commandFingerprint } from './fingerprint.js';
import { conflictMessage, planCommand, type PlanContext } from './plan.js';

export interface CommandOutcome {
  statusCode: number;
  body: CommandResult | ApiErrorBody;
}

const REUSED_KEY: CommandOutcome = {
  statusCode: 409,
  body: { error: { code: 'key_reused', message: 'This change has the same id as a different change. Make the change again.' } },
};

/**
 * New visit ids are random UUIDs from the tablet: a taken one is a broken or hostile client,
 * or a tablet replaying a booking the server applied so long ago that the retention job has
 * deleted its stored answer (it held personal data; store/retention.ts). That rare replay is
 * refused here too, a 409 the tablet keeps with its reason, not a 5xx: with the fingerprint
 * gone the server cannot tell it from a different booking reusing the ids, and the tablet's
 * next refresh shows the booked visit. (A replayed change or cancel meets a newer version and
 * gets 409 conflict; a replayed booking for a time now past gets 400.)
 */
const TAKEN_IDS: CommandOutcome = {
  statusCode: 409,
  body: { error: { code: 'not_allowed', message: 'These visit ids are already in use. Book the visit again.' } },
};

/** Two writers raced for the same visit; the loser answers like any stale change. */
class LostRace extends Error {
  constructor(readonly current: Visit | undefined) {
    super('visit changed during the command');
  }
}

/**
 * Applies a command at most once per (ward, idempotency key). Only applied results are kept:
 * a refused command changed nothing, so a retry with the same key is simply decided again.
 */
export interface RunContext extends PlanContext {
  /** The hash a new visit's join link will be found by (see security/join-links.ts). */
  joinTokenHash(visitId: string): string;
  /** Writes the family's messages for what the command did, in its transaction (notify/queue.ts). */
  queueMessages: QueueMessages;
}

export async function runCommand(db: Db, wardId: string, command: Command, context: RunContext): Promise<CommandOutcome> {
  const hash = commandFingerprint(command);
  try {
    return await db.transaction().execute(async (trx) => {
      await lockKey(trx, wardId, command.key);
      const stored = await findResult(trx, wardId, command.key);
      if (stored) return stored.requestHash === hash ? { statusCode: stored.statusCode, body: stored.body as CommandResult } : REUSED_KEY;

      const existing = command.type === 'book' ? undefined : await findVisit(trx, wardId, command.visitId);
      const plan = planCommand(command, existing, context);
      if (plan.kind === 'refuse') {
        const { status, ...error } = plan.refusal;
        return { statusCode: status, body: { error } };
      }
      const visits: Visit[] = [];
      if (plan.kind === 'create') {
        if (await anyVisitExists(trx, plan.visits.map((v) => v.id))) return TAKEN_IDS;
        for (const { id, ...details } of plan.visits) visits.push(await insertVisit(trx, wardId, id, details, context.joinTokenHash(id), context.now));
        await context.queueMessages.booked(trx, wardId, visits);
      } else {
        const updated = await updateVisit(trx, wardId, plan.visit.id, plan.visit.version, plan.details, context.now);
        if (!updated) throw new LostRace(await findVisit(trx, wardId, plan.visit.id));
        await context.queueMessages.changed(trx, command.type === 'cancel' ? 'cancelled' : 'changed', wardId, updated, plan.visit);
        visits.push(updated);
      }
      const outcome = { statusCode: 200, body: { visits } };
      await saveResult(trx, wardId, command.key, { requestHash: hash, ...outcome }, context.now);
      return outcome;
    });
  } catch (error) {
    // The transaction is rolled back by now (on PostgreSQL any error, a unique violation too,
    // aborts it), so this reads outside it, on `db`, and sees what others committed. Another
    // writer stored this key meanwhile (a process that takes no key lock, such as an older
    // node): answer what it stored, before treating a lost race as a conflict.
    const stored = await findResult(db, wardId, command.key);
    if (stored) return stored.requestHash === hash ? { statusCode: stored.statusCode, body: stored.body as CommandResult } : REUSED_KEY;
    if (error instanceof LostRace && error.current) {
      return { statusCode: 409, body: { error: { code: 'conflict', message: conflictMessage(error.current), visit: error.current } } };
    }
    throw error;
  }
}
