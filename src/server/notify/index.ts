import { releaseLeases } from '../store/messages.js';
import { sendDueMessages, type SendingJobDeps } from './sending-job.js';

export type { QueueMessages } from './queue.js';

/** How often the job looks for due messages (retries, follow-ups, other nodes' bookings). */
export const SEND_CHECK_INTERVAL_MS = 2_000;

export interface SendingJob {
  /** A change just queued messages: send them now rather than at the next check. */
  kick(): void;
  /** Stops the timer and waits for a run under way, so the database is not closed under it. */
  stop(): Promise<void>;
}

/**
 * Runs the sending job on a timer and when kicked, one run at a time; a failed run is logged
 * and the next one tries again (its claims lapse after their lease, see sending-job.ts).
 */
export function startSendingJob(deps: SendingJobDeps, log: (error: unknown) => void, ran: (ok: boolean) => void = () => {}): SendingJob {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = releasing
      .then(() => sendDueMessages(deps))
      .then(
        () => ran(true),
        (error: unknown) => (ran(false), log(error)),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const releasing = releaseLeases(deps.db, deps.owner).catch(log);
  const timer = setInterval(run, SEND_CHECK_INTERVAL_MS);
  timer.unref();
  run();
  return {
    kick: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
