import type { AppContext } from '../context.js';
import { joinUrl, type JoinLinks } from '../security/join-links.js';
import { startSendingJob } from './index.js';
import { createNotifier } from './notify-client.js';
import { createMessageQueue, queueNothing, type QueueMessages } from './queue.js';

/** Visitors' messages as the rest of the server sees them: queue in a transaction, then kick. */
export interface Messaging {
  /** GOV.UK Notify is set up. */
  enabled: boolean;
  queue: QueueMessages;
  /** Something was queued and committed: send it now. */
  kick(): void;
  stop(): Promise<void>;
}

export interface MessagingDeps {
  context: AppContext;
  joinLinks: JoinLinks;
  /** A message's status moved (sent, delivered, not delivered). */
  changed(wardId: string, visitId: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  logError(error: unknown): void;
  /** Each run of the sending job, for the metrics. */
  ran?(ok: boolean): void;
}

const OFF: Messaging = { enabled: false, queue: queueNothing, kick: () => {}, stop: async () => {} };

export function startMessaging(deps: MessagingDeps): Messaging {
  const { config, db, now } = deps.context;
  const notify = config.notify;
  // Checked together at start-up (notify-config.ts): a key always comes with PUBLIC_URL.
  if (!notify || !config.publicUrl) return OFF;
  const publicUrl = config.publicUrl;
  const job = startSendingJob(
    {
      db,
      now,
      notify,
      notifier: createNotifier(notify),
      timeZone: config.timeZone,
      linkFor: (visitId, generation) => joinUrl(publicUrl, deps.joinLinks.tokenFor(visitId, generation)),
      owner: config.nodeName,
      changed: deps.changed,
      warn: deps.warn,
    },
    deps.logError,
    deps.ran,
  );
  return { enabled: true, queue: createMessageQueue(now), kick: job.kick, stop: job.stop };
}
