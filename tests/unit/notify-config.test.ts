import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { templateVariable } from '../../src/server/notify-config.js';
import { MESSAGE_CHANNELS, MESSAGE_KINDS } from '../../src/shared/index.js';

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }, process.cwd());

const KEY = 'ward_visits-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
const TEMPLATES: Record<string, string> = Object.fromEntries(
  MESSAGE_KINDS.flatMap((kind, k) => MESSAGE_CHANNELS.map((channel, c) => [templateVariable(kind, channel), `0000000${k}-0000-4000-8000-00000000000${c}`])),
);
const NOTIFY: Record<string, string> = { NOTIFY_API_KEY: KEY, PUBLIC_URL: 'https://visits.example.org', ...TEMPLATES };

function refusal(env: Record<string, string>): ConfigError {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('GOV.UK Notify configuration', () => {
  it('is off without NOTIFY_API_KEY: nothing is sent', () => {
    expect(load({}).notify).toBeNull();
  });

  it('reads the key, the production API by default, and one template per message and channel', () => {
    const notify = load(NOTIFY).notify!;
    expect(notify.apiKey).toBe(KEY);
    expect(notify.baseUrl).toBe('https://api.notifications.service.gov.uk');
    expect(notify.templates.ready.sms).toBe(TEMPLATES.NOTIFY_TEMPLATE_READY_SMS);
    expect(notify.templates.cancelled.email).toBe(TEMPLATES.NOTIFY_TEMPLATE_CANCELLED_EMAIL);
  });

  it('names a missing or malformed template id', () => {
    const { NOTIFY_TEMPLATE_CHANGED_EMAIL: _dropped, ...missing } = NOTIFY;
    expect(refusal(missing).variable).toBe('NOTIFY_TEMPLATE_CHANGED_EMAIL');
    expect(refusal({ ...NOTIFY, NOTIFY_TEMPLATE_BOOKED_SMS: 'booked' }).message).toContain('"booked"');
  });

  it('refuses a malformed key without repeating it, since it is a secret', () => {
    const error = refusal({ ...NOTIFY, NOTIFY_API_KEY: 'not-a-key-secret123' });
    expect(error.variable).toBe('NOTIFY_API_KEY');
    expect(error.message).not.toContain('secret123');
  });

  it('needs PUBLIC_URL, so links in messages never come from a request', () => {
    const { PUBLIC_URL: _none, ...env } = NOTIFY;
    expect(refusal(env).variable).toBe('PUBLIC_URL');
  });

  it('needs PUBLIC_URL to be https in production', () => {
    expect(refusal({ ...NOTIFY, NODE_ENV: 'production', PUBLIC_URL: 'http://visits.example.org' }).variable).toBe('PUBLIC_URL');
  });

  it('refuses a template id with no key: half a set-up would send nothing and say nothing', () => {
    expect(refusal({ NOTIFY_TEMPLATE_READY_SMS: TEMPLATES.NOTIFY_TEMPLATE_READY_SMS! }).variable).toBe('NOTIFY_API_KEY');
  });

  it('takes another Notify address only over https, except on this machine outside production', () => {
    expect(load({ ...NOTIFY, NOTIFY_BASE_URL: 'http://127.0.0.1:4010' }).notify!.baseUrl).toBe('http://127.0.0.1:4010');
    expect(refusal({ ...NOTIFY, NODE_ENV: 'production', NOTIFY_BASE_URL: 'http://notify.internal' }).variable).toBe('NOTIFY_BASE_URL');
    expect(refusal({ ...NOTIFY, NOTIFY_BASE_URL: 'not a url' }).variable).toBe('NOTIFY_BASE_URL');
  });
});

describe('NODE_NAME', () => {
  it('is the host name and port unless set, and must be a plain name', () => {
    expect(load({ PORT: '3000' }).nodeName).toMatch(/:3000$/);
    expect(load({ NODE_NAME: 'node-2' }).nodeName).toBe('node-2');
    expect(refusal({ NODE_NAME: 'node 2; rm' }).variable).toBe('NODE_NAME');
  });
});
