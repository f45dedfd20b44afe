import type { AppContext } from '../context.js';
import {
  clearPersonalData,
  deleteIdempotencyKeysBefore,
  deleteSessionsOverBefore,
  eraseClearedPages,
  findVisitsHoldingPersonalData,
} from '../store/retention.js';
import { deleteStaleAdminFailures } from '../store/admin-sign-in-failures.js';
import { deleteAuditBefore } from '../store/audit-log.js';
import { deleteDevicesOverBefore, deleteWardTriesBefore } from '../store/sign-in-lockout.js';
import { personalDataDue, RETENTION_CHECK_INTERVAL_MS, retentionCutoff } from './retention-rules.js';

export { RETENTION_CHECK_INTERVAL_MS } from './retention-rules.js';

/** What one run changed: counts only, so it can be logged. */
export interface RetentionResult {
  visitsCleared: number;
  idempotencyKeysDeleted: number;
  sessionsDeleted: number;
  auditEntriesDeleted: number;
}

/**
 * Deletes personal data the product promises to delete within RETENTION_HOURS (24 by default)
 * of a visit ending, being cancelled or being missed, and the stored command answers and old
 * sessions of the same age; audit entries past AUDIT_RETENTION_DAYS (a year by default), the only
 * way they ever leave the log; and failure counts for emails nobody has tried since. Safe on several nodes at once: every write is conditional.
 */
export async function runRetention(context: AppContext): Promise<RetentionResult> {
  const cutoff = retentionCutoff(context.now(), context.config.retentionMs);
  const candidates = await findVisitsHoldingPersonalData(context.db, cutoff);
  const due = candidates.filter((visit) => personalDataDue(visit, cutoff)).map((visit) => visit.id);
  const result = {
    visitsCleared: await clearPersonalData(context.db, due, context.now()),
    idempotencyKeysDeleted: await deleteIdempotencyKeysBefore(context.db, cutoff),
    sessionsDeleted: await deleteSessionsOverBefore(context.db, cutoff),
    auditEntriesDeleted: await deleteAuditBefore(context.db, new Date(context.now().getTime() - context.config.auditRetentionMs)),
  };
  // Counts of tries and tablets past their time: not personal, but nothing to keep them for.
  await deleteStaleAdminFailures(context.db, cutoff);
  await deleteWardTriesBefore(context.db, cutoff);
  await deleteDevicesOverBefore(context.db, cutoff);
  // Every run, not only one that cleared something: a checkpoint a busy reader held off is
  // finished next time, and a nurse's corrected typo leaves the log within an interval too.
  await eraseClearedPages(context.db);
  return result;
}

/**
 * Runs the job at once, then on a timer until stopped; a failed run is logged and the next one
 * tries again. At once, because a server restarted more often than the interval would
 * otherwise never run it, and personal data would outlive the promised window.
 */
export function startRetentionJob(context: AppContext, log: (error: unknown) => void, ran: (ok: boolean) => void = () => {}): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => void (running = runRetention(context).then(() => ran(true), (error: unknown) => (ran(false), log(error))));
  run();
  const timer = setInterval(run, RETENTION_CHECK_INTERVAL_MS);
  timer.unref();
  // Stopping waits for a run under way, so the database is not closed under it.
  return () => {
    clearInterval(timer);
    return running;
  };
}
