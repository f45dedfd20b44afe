import type { Command } from '../../shared/index.js';
import { sha256 } from '../security/tokens.js';

/**
 * What a command asks for, without its idempotency key: a retry has the same fingerprint, and a
 * key reused for a different change does not. The schema parser fixes the property order.
 */
export function commandFingerprint(command: Command): string {
  const { key: _key, ...content } = command;
  return sha256(JSON.stringify(content));
}
