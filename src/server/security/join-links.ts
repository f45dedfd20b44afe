import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './tokens.js';

/**
 * A visit's join link token is an HMAC of its id and link generation under a server secret:
 * 256 bits no one can guess or derive without the secret. The database keeps only its SHA-256
 * (for looking a visit up by link), and staff can be shown the link again at any time without
 * storing it. "Make a new link" bumps the generation: a new token, and the old one matches
 * nothing.
 */
export interface JoinLinks {
  tokenFor(visitId: string, generation?: number): string;
  hashOf(token: string): string;
}

const SECRET_FILE = 'join-link-secret';

/** The address a visitor opens: the service's public address and the visit's token. */
export function joinUrl(base: string, token: string): string {
  return `${base}/visit/${token}`;
}

export function createJoinLinks(secret: string): JoinLinks {
  return {
    // Generation 0 is the message links had before they could be replaced, so sent ones still work.
    tokenFor: (visitId, generation = 0) =>
      createHmac('sha256', secret).update(generation === 0 ? `join-link:${visitId}` : `join-link:${visitId}:${generation}`).digest('base64url'),
    hashOf: (token) => sha256(token),
  };
}

/**
 * The secret from JOIN_LINK_SECRET, or else one made once and kept in the data folder (so
 * links survive restarts). Several server nodes must share JOIN_LINK_SECRET (docs/deploy.md).
 */
export function joinLinkSecret(configured: string | null, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
