import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './tokens.js';

/**
 * A visit's join link token is an HMAC of its id under a server secret: 256 bits no one can
 * guess or derive without the secret. The database keeps only its SHA-256 (for looking a
 * visit up by link), and staff can be shown the link again at any time without storing it.
 */
export interface JoinLinks {
  tokenFor(visitId: string): string;
  hashOf(token: string): string;
}

const SECRET_FILE = 'join-link-secret';

export function createJoinLinks(secret: string): JoinLinks {
  return {
    tokenFor: (visitId) => createHmac('sha256', secret).update(`join-link:${visitId}`).digest('base64url'),
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
