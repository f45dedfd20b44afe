import { Secret, TOTP } from 'otpauth';

/**
 * The authenticator-app second factor (RFC 6238: 6 digits, 30 s, SHA-1, as every app reads
 * from a QR code). The one adapter around `otpauth`.
 */
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed as it changes. */
const WINDOW_STEPS = 1;
const ISSUER = 'Ward virtual visits';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUri(secret: string, email: string): string {
  return new TOTP({ issuer: ISSUER, label: email, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS }).toString();
}

/** The time step a code belongs to, if it is right now; null if it is not. Callers refuse a step already used. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), period: PERIOD_SECONDS });
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW_STEPS });
  return delta === null ? null : TOTP.counter({ period: PERIOD_SECONDS, timestamp: now.getTime() }) + delta;
}
