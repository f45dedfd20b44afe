import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PINs and passwords are stored as scrypt hashes with their own salt and cost, so the cost can
 * rise later without breaking old hashes. Format: scrypt$N$r$p$salt$hash (base64).
 */
const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFKC'), salt, KEY_BYTES, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A hash of nothing anyone knows, checked when the ward code is unknown so timing reveals nothing. */
const DECOY_HASH = hashSecret(randomBytes(16).toString('hex'));

export async function verifySecret(secret: string, stored: string | null): Promise<boolean> {
  const [scheme, n, r, p, salt, expected] = (stored ?? (await DECOY_HASH)).split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const key = await derive(secret, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  const expectedKey = Buffer.from(expected, 'base64');
  return stored !== null && key.length === expectedKey.length && timingSafeEqual(key, expectedKey);
}
