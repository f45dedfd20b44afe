import { Secret, TOTP } from 'otpauth';
import { issueSetupLink } from '../../src/server/admin/setup-links.js';
import { ApiClient } from './api-client.js';
import type { TestServer } from './server.js';

export const ADMIN_PASSWORD = 'correct horse battery staple';

/** What an authenticator app shows for a secret at a moment (the server's clock, in tests that move it). */
export function totpCode(secret: string, at: Date = new Date()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), period: 30 }).generate({ timestamp: at.getTime() });
}

/** The token in a set-up link (after "#token="). */
export function setupToken(link: string): string {
  return new URL(link).hash.replace(/^#token=/, '');
}

export interface SetUpAdmin {
  client: ApiClient;
  email: string;
  password: string;
  secret: string;
  recoveryCodes: string[];
}

/**
 * An admin taken through the whole first sign-in over HTTP: the set-up link (issued as the
 * command line does), a password, the authenticator app and its first code.
 */
export async function setUpAdmin(server: TestServer, email = 'admin@trust.example', now: () => Date = () => new Date()): Promise<SetUpAdmin> {
  const issued = await issueSetupLink(server.db, email, server.url, 'command line', now());
  const client = new ApiClient(server.url);
  const setup = await client.request('POST', '/api/admin/setup', { token: setupToken(issued.setupLink), password: ADMIN_PASSWORD });
  if (setup.status !== 200) throw new Error(`set-up refused: ${JSON.stringify(setup.body)}`);
  const first = await client.request('POST', '/api/admin/session', { email, password: ADMIN_PASSWORD });
  if (first.body.step !== 'set-up-second-factor') throw new Error(`sign-in refused: ${JSON.stringify(first.body)}`);
  const secret: string = first.body.secret;
  const second = await client.request('POST', '/api/admin/session/second-factor', { code: totpCode(secret, now()) });
  if (second.body.step !== 'signed-in') throw new Error(`second factor refused: ${JSON.stringify(second.body)}`);
  return { client, email, password: ADMIN_PASSWORD, secret, recoveryCodes: second.body.recoveryCodes };
}

/** An ApiClient holding a fully signed-in admin session. */
export async function signedInAdmin(server: TestServer, email?: string, now?: () => Date): Promise<ApiClient> {
  return (await setUpAdmin(server, email, now)).client;
}
