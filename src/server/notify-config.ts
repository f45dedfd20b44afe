import { MESSAGE_CHANNELS, MESSAGE_KINDS, type MessageChannel, type MessageKind } from '../shared/index.js';
import { ConfigError } from './config-error.js';

/**
 * GOV.UK Notify, read from NOTIFY_API_KEY, NOTIFY_BASE_URL and one template id per message
 * and channel (NOTIFY_TEMPLATE_BOOKED_SMS, ..._READY_EMAIL). docs/deploy.md lists the
 * personalisation each template gets. With no key, nothing is sent and staff share links.
 */
export interface NotifyConfig {
  apiKey: string;
  /** Notify's API; another address only for a test double or a trust's egress proxy. */
  baseUrl: string;
  templates: Record<MessageKind, Record<MessageChannel, string>>;
}

export const NOTIFY_PRODUCTION_API = 'https://api.notifications.service.gov.uk';

// Notify's keys end "<service id>-<secret>", two UUIDs, after a name the service chose.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const API_KEY = new RegExp(`^[A-Za-z0-9_-]+-${UUID}-${UUID}$`);
const TEMPLATE_ID = new RegExp(`^${UUID}$`);

export function templateVariable(kind: MessageKind, channel: MessageChannel): string {
  return `NOTIFY_TEMPLATE_${kind.toUpperCase()}_${channel.toUpperCase()}`;
}

function readBaseUrl(value: string | undefined, production: boolean): string {
  if (value === undefined || value === '') return NOTIFY_PRODUCTION_API;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('NOTIFY_BASE_URL', `must be an address such as ${NOTIFY_PRODUCTION_API} (it is "${value}")`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (local || !production))) {
    throw new ConfigError('NOTIFY_BASE_URL', `must start with https:// (it is "${value}")`);
  }
  return url.origin;
}

/**
 * Null when NOTIFY_API_KEY is unset. Set, every template and PUBLIC_URL must be too: a
 * service that sends some messages and silently not others would leave families waiting.
 */
export function readNotifyConfig(env: NodeJS.ProcessEnv, publicUrl: string | null, production: boolean): NotifyConfig | null {
  const apiKey = env.NOTIFY_API_KEY ?? '';
  if (apiKey === '') {
    const stray = MESSAGE_KINDS.flatMap((kind) => MESSAGE_CHANNELS.map((channel) => templateVariable(kind, channel))).find((name) => env[name]);
    if (stray) throw new ConfigError('NOTIFY_API_KEY', `must be set when ${stray} is (it is empty)`);
    return null;
  }
  // The key itself is never repeated back: it is a secret, and start-up messages reach logs.
  if (!API_KEY.test(apiKey)) throw new ConfigError('NOTIFY_API_KEY', 'must be an API key copied whole from GOV.UK Notify (it ends with two long ids)');
  if (!publicUrl) throw new ConfigError('PUBLIC_URL', 'must be set when NOTIFY_API_KEY is, so the links sent to families use the trust\'s address (it is empty)');
  const templates = {} as NotifyConfig['templates'];
  for (const kind of MESSAGE_KINDS) {
    templates[kind] = {} as Record<MessageChannel, string>;
    for (const channel of MESSAGE_CHANNELS) {
      const variable = templateVariable(kind, channel);
      const id = env[variable] ?? '';
      if (!TEMPLATE_ID.test(id)) throw new ConfigError(variable, `must be a template id from GOV.UK Notify, such as 3f0c5b2e-8d1a-4c7e-9b6f-2a4d8e1c7b90 (it is "${id}")`);
      templates[kind][channel] = id;
    }
  }
  return { apiKey, baseUrl: readBaseUrl(env.NOTIFY_BASE_URL, production), templates };
}
