import type { FastifyRequest } from 'fastify';
import { instantToLocal } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import type { AddressThrottle } from '../security/address-throttle.js';
import { HttpError } from './errors.js';

/**
 * The per-address limit around every check of a PIN, link token or cookie: refused while the
 * address is blocked, and each wrong credential counted. The refusal says when to try again.
 * With several nodes the counts are in Redis; if it cannot be reached, credentials are not
 * checked at all (503) rather than checked without a limit: sign-in fails closed.
 */
export interface CredentialGuard {
  /** Throws 429 while the request's address is refused. */
  check(request: FastifyRequest): Promise<void>;
  /** Counts a wrong credential from the request's address; the next check refuses once there are too many. */
  failed(request: FastifyRequest): Promise<void>;
  /**
   * For a slow check (a PIN's hash): checks and counts the try as wrong at once, in one step,
   * so parallel tries cannot all pass the check first. Answers a function that takes it back
   * when the credential was right.
   */
  reserve(request: FastifyRequest): Promise<() => Promise<void>>;
}

/** Sign-in cannot be limited just now (Redis unreachable), so it is not offered. */
export function limitsUnavailable(): HttpError {
  return new HttpError(503, 'unavailable', 'Signing in is not working just now. Try again in a minute. If it keeps happening, tell your IT team.');
}

/** Runs a step of the limits; a failure to reach where they are kept refuses the request. */
export async function limited<T>(step: Promise<T>, request: FastifyRequest): Promise<T> {
  try {
    return await step;
  } catch (error) {
    request.log.error({ err: error }, 'the sign-in limits could not be reached');
    throw limitsUnavailable();
  }
}

export function createCredentialGuard(context: AppContext, throttle: AddressThrottle): CredentialGuard {
  const refuse = (until: Date): never => {
    const { time } = instantToLocal(until, context.config.timeZone);
    const seconds = Math.max(1, Math.ceil((until.getTime() - context.now().getTime()) / 1000));
    throw new HttpError(429, 'rate_limited', `Too many wrong tries from this network. Try again after ${time}.`, {
      'retry-after': String(seconds),
    });
  };
  return {
    async check(request) {
      const until = await limited(throttle.blockedUntil(request.ip, context.now().getTime()), request);
      if (until) refuse(until);
    },
    async failed(request) {
      await limited(throttle.recordFailure(request.ip, context.now().getTime()), request);
    },
    async reserve(request) {
      const at = context.now().getTime();
      const reserved = await limited(throttle.reserve(request.ip, at), request);
      if ('refusedUntil' in reserved) refuse(reserved.refusedUntil);
      return () => limited(throttle.forgive(request.ip, at), request);
    },
  };
}
