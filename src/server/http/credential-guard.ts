import type { FastifyRequest } from 'fastify';
import { instantToLocal } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import type { AddressThrottle } from '../security/address-throttle.js';
import { HttpError } from './errors.js';

/**
 * The per-address limit around every check of a PIN, link token or cookie: refused while the
 * address is blocked, and each wrong credential counted. The refusal says when to try again.
 */
export interface CredentialGuard {
  /** Throws 429 while the request's address is refused. */
  check(request: FastifyRequest): void;
  /** Counts a wrong credential from the request's address; the next check refuses once there are too many. */
  failed(request: FastifyRequest): void;
  /**
   * For a slow check (a PIN's hash): checks and counts the try as wrong at once, in one step,
   * so parallel tries cannot all pass the check first. Answers a function that takes it back
   * when the credential was right.
   */
  reserve(request: FastifyRequest): () => void;
}

export function createCredentialGuard(context: AppContext, throttle: AddressThrottle): CredentialGuard {
  const refuse = (until: Date): never => {
    const { time } = instantToLocal(until, context.config.timeZone);
    const seconds = Math.max(1, Math.ceil((until.getTime() - context.now().getTime()) / 1000));
    throw new HttpError(429, 'rate_limited', `Too many wrong tries from this network. Try again after ${time}.`, {
      'retry-after': String(seconds),
    });
  };
  const check = (request: FastifyRequest) => {
    const until = throttle.blockedUntil(request.ip, context.now().getTime());
    if (until) refuse(until);
  };
  return {
    check,
    failed(request) {
      throttle.recordFailure(request.ip, context.now().getTime());
    },
    reserve(request) {
      check(request);
      const at = context.now().getTime();
      throttle.recordFailure(request.ip, at);
      return () => throttle.forgive(request.ip, at);
    },
  };
}
