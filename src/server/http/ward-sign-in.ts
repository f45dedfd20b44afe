import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOCKOUT_MAX_FAILURES, LOCKOUT_MINUTES, LOCKOUT_WINDOW_MINUTES, instantToLocal } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import { AddressThrottle, triesKind } from '../security/address-throttle.js';
import type { LiveState } from '../live/index.js';
import { verifySecret } from '../security/secret-hash.js';
import { newToken } from '../security/tokens.js';
import { forgiveWardTry, isKnownDevice, rememberDevice, reserveWardTry } from '../store/sign-in-lockout.js';
import { findWardByCode, type WardRecord } from '../store/wards.js';
import { limited, type CredentialGuard } from './credential-guard.js';
import { HttpError } from './errors.js';

const MINUTE_MS = 60_000;
/** A tablet the ward has used before; sent only to the sign-in route. */
export const DEVICE_COOKIE = 'wvv_device';
const DEVICE_COOKIE_PATH = '/api/session';

/**
 * Checking a ward PIN, with three limits, each reserved before the slow hash so parallel
 * guesses cannot pass them, and each undone when the PIN was right (docs/security.md):
 * - 5 wrong PINs for one ward code from one address lock that code for that address (live state);
 * - 30 wrong credentials of any kind from one address lock the address (live state, the guard);
 * - 20 wrong PINs for one ward from everywhere lock it for tablets it has not used before
 *   (database, shared by nodes). The ward's own tablets carry a device cookie and are let in.
 * So a guesser locks out themselves, not the nurses.
 */
const PAIR_LIMITS = { maxFailures: LOCKOUT_MAX_FAILURES, windowMs: LOCKOUT_WINDOW_MINUTES * MINUTE_MS, blockMs: LOCKOUT_MINUTES * MINUTE_MS };

export function createWardSignIn(context: AppContext, guard: CredentialGuard, live: LiveState) {
  const pairs = new AddressThrottle(live.records(triesKind('ward-code-tries', PAIR_LIMITS)), PAIR_LIMITS);
  const clock = (until: Date) => instantToLocal(until, context.config.timeZone).time;
  const pairLocked = (until: Date) =>
    new HttpError(429, 'locked', `This ward code is locked on this network because the PIN was wrong ${LOCKOUT_MAX_FAILURES} times. Try again after ${clock(until)}.`, retryAfter(context, until));
  const wardLocked = (until: Date) =>
    new HttpError(
      429,
      'locked',
      `Too many wrong PINs have been tried for this ward code. Tablets already used on this ward can still sign in. On this one, try again after ${clock(until)}.`,
      retryAfter(context, until),
    );

  return async function signIn(request: FastifyRequest, code: string, pin: string): Promise<WardRecord> {
    const now = context.now();
    const pair = `${code}\n${request.ip}`;
    // Each check and its count are one step, so no other request runs between them.
    const reservedPair = await limited(pairs.reserve(pair, now.getTime()), request);
    if ('refusedUntil' in reservedPair) throw pairLocked(reservedPair.refusedUntil);
    const lockedNow = reservedPair.blockedNow;
    const forgiveAddress = await guard.reserve(request).catch(async (error: unknown) => {
      await limited(pairs.forgive(pair, now.getTime()), request);
      throw error;
    });
    const forgiveMemory = async () => {
      await forgiveAddress();
      await limited(pairs.forgive(pair, now.getTime()), request);
    };

    const ward = await findWardByCode(context.db, code);
    const reserved = ward ? await reserveWardTry(context.db, ward.id, now, await isKnownDevice(context.db, request.cookies[DEVICE_COOKIE], ward.id, now)) : null;
    if (reserved && 'lockedUntil' in reserved) {
      await forgiveMemory(); // refused unchecked: it told the guesser nothing
      throw wardLocked(reserved.lockedUntil);
    }
    if (!ward || !(await verifySecret(pin, ward.pinHash))) {
      if (lockedNow) throw pairLocked(lockedNow);
      throw new HttpError(401, 'wrong_credentials', 'The ward code or PIN is not right. Check them and try again.');
    }
    await forgiveMemory();
    if (reserved) await forgiveWardTry(context.db, reserved.tryId);
    return ward;
  };
}

/** Gives the tablet (or renews) its device credential for the ward it just signed in to. */
export async function rememberTablet(context: AppContext, request: FastifyRequest, reply: FastifyReply, wardId: string): Promise<void> {
  const now = context.now();
  const presented = request.cookies[DEVICE_COOKIE];
  const token = presented && (await isKnownDevice(context.db, presented, wardId, now)) ? presented : newToken();
  const expiresAt = await rememberDevice(context.db, token, wardId, now);
  reply.setCookie(DEVICE_COOKIE, token, { path: DEVICE_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', expires: expiresAt });
}

function retryAfter(context: AppContext, until: Date): Record<string, string> {
  return { 'retry-after': String(Math.max(1, Math.ceil((until.getTime() - context.now().getTime()) / 1000))) };
}

