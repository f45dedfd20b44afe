import { createServer } from 'node:net';
import { MESSAGE_CHANNELS, MESSAGE_KINDS, type MessageChannel, type MessageKind } from '../../src/shared/index.js';
import { templateVariable } from '../../src/server/notify-config.js';
import type { FakeNotify, SentNotification } from './fake-notify/index.js';

/** One fixed template id per message and channel, so a test can tell which message went. */
export const TEMPLATE_IDS: Record<MessageKind, Record<MessageChannel, string>> = Object.fromEntries(
  MESSAGE_KINDS.map((kind, k) => [kind, Object.fromEntries(MESSAGE_CHANNELS.map((channel, c) => [channel, `${k}${c}000000-0000-4000-8000-000000000000`]))]),
) as Record<MessageKind, Record<MessageChannel, string>>;

/** The templates as the fake Notify knows them: each id with its type. */
export const FAKE_TEMPLATES: Record<string, MessageChannel> = Object.fromEntries(
  MESSAGE_KINDS.flatMap((kind) => MESSAGE_CHANNELS.map((channel) => [TEMPLATE_IDS[kind][channel], channel])),
);

/** The environment a trust sets for Notify, pointed at the fake; PUBLIC_URL is where links lead. */
export function notifyEnv(fake: FakeNotify, publicUrl: string): Record<string, string> {
  const env: Record<string, string> = { NOTIFY_API_KEY: fake.apiKey, NOTIFY_BASE_URL: fake.url, PUBLIC_URL: publicUrl };
  for (const kind of MESSAGE_KINDS) for (const channel of MESSAGE_CHANNELS) env[templateVariable(kind, channel)] = TEMPLATE_IDS[kind][channel];
  return env;
}

/** Which message a notification the fake took is: "booked/sms", "ready/email", … */
export function messageName(notification: Pick<SentNotification, 'templateId'>): string {
  for (const kind of MESSAGE_KINDS) {
    for (const channel of MESSAGE_CHANNELS) if (TEMPLATE_IDS[kind][channel] === notification.templateId) return `${kind}/${channel}`;
  }
  return `unknown template ${notification.templateId}`;
}

/** A port nothing listens on now, so a server can be given a PUBLIC_URL before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
