import axios, { isAxiosError } from 'axios';
import { NotifyClient } from 'notifications-node-client';
import type { MessageChannel } from '../../shared/index.js';
import type { NotifyConfig } from '../notify-config.js';

/**
 * The only importer of notifications-node-client (and of the axios it rides on). It turns
 * Notify's answers into what the sending job must decide: taken, refused for good, busy (try
 * later, nothing was made), or unknown (it may have been made: ask by reference first).
 */
export type SendOutcome =
  | { kind: 'accepted'; notifyId: string }
  | { kind: 'refused'; status: number; error: string; message: string }
  | { kind: 'busy' }
  | { kind: 'unknown'; status: number | null };

export interface NotifyStatus {
  id: string;
  status: string;
}

export interface Notifier {
  send(channel: MessageChannel, templateId: string, recipient: string, personalisation: Record<string, string>, reference: string): Promise<SendOutcome>;
  /** The notification Notify holds with this reference, or null; throws when Notify cannot be asked. */
  findByReference(channel: MessageChannel, reference: string): Promise<NotifyStatus | null>;
  /** How a notification Notify took is going; throws when Notify cannot be asked. */
  statusOf(notifyId: string): Promise<NotifyStatus>;
}

/**
 * Notify answers in well under a second; a request hanging past this is treated as unknown
 * (it may still be made), and the lease (sending-job.ts) is far longer, so no other node
 * sends it meanwhile.
 */
export const NOTIFY_TIMEOUT_MS = 10_000;

interface NotifyErrorBody {
  status_code?: number;
  errors?: { error?: string; message?: string }[];
}

function firstError(data: unknown): { error: string; message: string } {
  const first = (data as NotifyErrorBody | undefined)?.errors?.[0];
  return { error: String(first?.error ?? 'Unknown'), message: String(first?.message ?? '') };
}

function outcomeOf(error: unknown): SendOutcome {
  if (!isAxiosError(error) || !error.response) return { kind: 'unknown', status: null };
  const { status, data } = error.response;
  if (status === 429) return { kind: 'busy' };
  if (status === 400 || status === 403) return { kind: 'refused', status, ...firstError(data) };
  // 5xx and anything unexpected: Notify may or may not have made it.
  return { kind: 'unknown', status };
}

export function createNotifier(config: NotifyConfig): Notifier {
  const client = new NotifyClient(config.baseUrl, config.apiKey);
  // The client's default has no timeout at all: one hung connection would hold the job.
  // The same axios; only its ESM and CommonJS type declarations differ.
  client.setClient(axios.create({ timeout: NOTIFY_TIMEOUT_MS }) as unknown as Parameters<typeof client.setClient>[0]);
  return {
    async send(channel, templateId, recipient, personalisation, reference) {
      try {
        const response =
          channel === 'sms'
            ? await client.sendSms(templateId, recipient, { personalisation, reference })
            : await client.sendEmail(templateId, recipient, { personalisation, reference });
        return { kind: 'accepted', notifyId: response.data.id };
      } catch (error) {
        return outcomeOf(error);
      }
    },
    async findByReference(channel, reference) {
      const response = await client.getNotifications(channel, undefined, reference);
      const found = (response.data as { notifications?: NotifyStatus[] }).notifications?.[0];
      return found ? { id: found.id, status: found.status } : null;
    },
    async statusOf(notifyId) {
      const response = await client.getNotificationById(notifyId);
      const data = response.data as NotifyStatus;
      return { id: data.id, status: data.status };
    },
  };
}
