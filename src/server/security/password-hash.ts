import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/**
 * Admin passwords: argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane;
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id).
 * The PHC string keeps its own parameters, so they can rise later without breaking old hashes.
 * The library's default algorithm is argon2id; a unit test checks the string says so.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), OPTIONS);
}

/** A hash of nothing anyone knows, checked for an unknown email so the answer takes as long as a wrong password. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const against = stored ?? (await (decoy ??= hashPassword(randomBytes(16).toString('hex'))));
  // verify throws only on a stored string that is no argon2 hash at all (a damaged row): that
  // matches no password, and the admin is told the password is wrong, as for any mismatch.
  const matches = await verify(against, password.normalize('NFKC')).catch(() => false);
  return stored !== null && matches;
}
