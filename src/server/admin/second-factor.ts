import { randomBytes } from 'node:crypto';
import { RECOVERY_CODE_COUNT, type AdminSignInStep } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { totpStep } from '../security/totp.js';
import { newToken, sha256 } from '../security/tokens.js';
import { clearAdminFailures, reserveAdminTry } from '../store/admin-sign-in-failures.js';
import { verifyAdminSession, type AdminSession } from '../store/admin-sessions.js';
import { acceptTotpStep, findAdminById, replaceRecoveryCodes, useRecoveryCode } from '../store/admins.js';
import { recordAudit } from '../store/audit-log.js';

/** What the route does around the check: the per-address count, and the cookie. */
export interface SecondFactorTries {
  /** The code was right: the try reserved against the caller's address is taken back. */
  right(): Promise<void>;
  /** The session's new token, for the cookie. */
  newSessionToken(token: string): void;
}

/** Unambiguous letters and digits: no 0/O or 1/I to misread from paper. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const RECOVERY_CODE_LENGTH = 10;
const WRONG_CODE = 'The code is not right. Enter the 6-digit code your authenticator app shows now, or one of your recovery codes.';

/** A recovery code as typed, without spaces, dashes or case, so "abcde-fghij" is "ABCDEFGHIJ". */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** 10 characters of 32 (50 bits): far past guessing under the account lockout. Shown as ABCDE-FGHIJ. */
function newRecoveryCode(): string {
  const chars = [...randomBytes(RECOVERY_CODE_LENGTH)].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]!).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/**
 * The second step of signing in. Each try is reserved against the same per-email lockout as
 * the password, so guessing codes locks the account as guessing passwords does. The first
 * right code from a new authenticator app confirms it and answers recovery codes, once.
 */
export async function acceptSecondFactor(context: AppContext, session: AdminSession, code: string, tries: SecondFactorTries): Promise<AdminSignInStep> {
  const now = context.now();
  const locked = await reserveAdminTry(context.db, session.email, now);
  if (locked) throw new HttpError(429, 'locked', 'This account is locked after too many wrong tries. Sign in again later.');
  const admin = await findAdminById(context.db, session.adminId);
  if (!admin?.totpSecret) throw new HttpError(401, 'not_signed_in', 'Sign in again with your email address and password.');

  const step = totpStep(admin.totpSecret, code.trim(), now);
  const byApp = step !== null && (await acceptTotpStep(context.db, admin.id, step, now));
  const byRecovery = !byApp && admin.totpConfirmed && (await useRecoveryCode(context.db, admin.id, sha256(normaliseRecoveryCode(code)), now));
  if (!byApp && !byRecovery) throw new HttpError(401, 'wrong_credentials', WRONG_CODE);
  await tries.right();
  await clearAdminFailures(context.db, session.email);
  const token = newToken();
  const expiresAt = await verifyAdminSession(context.db, session.tokenHash, token, now);
  tries.newSessionToken(token);
  const signedIn = { admin: { id: admin.id, email: admin.email }, expiresAt, timeZone: context.config.timeZone };
  await recordAudit(context.db, session, { action: byRecovery ? 'admin.signed-in-with-recovery-code' : 'admin.signed-in' }, now);
  if (admin.totpConfirmed) return { step: 'signed-in', session: signedIn };

  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodes(context.db, admin.id, recoveryCodes.map((c) => sha256(normaliseRecoveryCode(c))));
  await recordAudit(context.db, session, { action: 'admin.second-factor-set-up' }, now);
  return { step: 'signed-in', session: signedIn, recoveryCodes };
}
