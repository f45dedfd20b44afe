import { META, withDb } from './db.js';

/**
 * The idle lock is opened with the ward PIN, offline too, so the device keeps a salted,
 * slow-to-guess verifier of the PIN (PBKDF2-SHA-256), never the PIN itself.
 */
const ITERATIONS = 210_000;
const SALT_BYTES = 16;

interface Verifier {
  salt: string;
  hash: string;
  iterations: number;
}

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return toBase64(bits);
}

export async function rememberPin(pin: string): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const verifier: Verifier = { salt: toBase64(salt), hash: await derive(pin, salt, ITERATIONS), iterations: ITERATIONS };
  await withDb((db) => db.put('meta', verifier, META.unlockVerifier));
}

/** Whether the PIN matches the one used at sign-in. False when no verifier is kept. */
export async function checkPin(pin: string): Promise<boolean> {
  const verifier = (await withDb((db) => db.get('meta', META.unlockVerifier))) as Verifier | undefined;
  if (!verifier) return false;
  const hash = await derive(pin, fromBase64(verifier.salt), verifier.iterations);
  // Both are fixed-length digests; compare every character so timing says nothing.
  let difference = hash.length ^ verifier.hash.length;
  for (let i = 0; i < Math.min(hash.length, verifier.hash.length); i++) difference |= hash.charCodeAt(i) ^ verifier.hash.charCodeAt(i);
  return difference === 0;
}
