import { createHmac, timingSafeEqual } from 'node:crypto';
import { pythonUuid } from './python-values.js';

/**
 * Notify's check of `Authorization: Bearer <jwt>`, step for step and in its order
 * (alphagov/notifications-api app/authentication/auth.py, and the decoding in
 * alphagov/notifications-python-client authentication.py): the token's `iss` names the
 * service, the signature must be HS256 with one of that service's key secrets, and `iat`
 * must be within 30 seconds of Notify's clock, either way.
 */
export interface AuthFailure {
  status: 401 | 403;
  message: string;
}

export interface ServiceKey {
  serviceId: string;
  secret: string;
}

/** Notify's bound on clock difference (`__bound__` in the Python client, also used as leeway). */
export const CLOCK_BOUND_SECONDS = 30;

const GENERAL_TOKEN_ERROR =
  'Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header';
const CLOCK_ERROR = 'Error: Your system clock must be accurate to within 30 seconds';
const KEY_NOT_FOUND = 'Invalid token: API key not found';

const forbidden = (message: string): AuthFailure => ({ status: 403, message });

type JsonObject = Record<string, unknown>;

function decodeSegment(segment: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** PyJWT reads `iat` with Python's int(): numbers are truncated, digit strings parsed, anything else refused. */
function issuedAt(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return null;
}

function signatureMatches(signingInput: string, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(signingInput).digest();
  const given = Buffer.from(signature, 'base64url');
  // timingSafeEqual throws on different lengths; a wrong length is simply a wrong signature.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Null when the request may proceed; otherwise what Notify answers. */
export function checkAuthorization(header: string | undefined, key: ServiceKey, nowSeconds: number): AuthFailure | null {
  if (!header) return { status: 401, message: 'Unauthorized: authentication token must be provided' };
  // Notify title-cases the first seven characters, so any capitalisation of "Bearer " passes.
  if (header.slice(0, 7).toLowerCase() !== 'bearer ') {
    return { status: 401, message: 'Unauthorized: authentication bearer scheme must be used' };
  }
  const segments = header.slice(7).split('.');
  if (segments.length !== 3) return forbidden(GENERAL_TOKEN_ERROR);
  const [headerSegment = '', payloadSegment = '', signature = ''] = segments;
  const jwtHeader = decodeSegment(headerSegment);
  const claims = decodeSegment(payloadSegment);
  if (!jwtHeader || !claims) return forbidden(GENERAL_TOKEN_ERROR);

  if (!Object.hasOwn(claims, 'iss')) return forbidden('Invalid token: iss field not provided');
  const serviceId = pythonUuid(claims.iss);
  if (!serviceId) return forbidden('Invalid token: service id is not the right data type');
  if (serviceId !== key.serviceId) return forbidden('Invalid token: service not found');

  // PyJWT refuses a disallowed algorithm before it looks at the signature.
  if (jwtHeader.alg !== 'HS256') return forbidden('Invalid token: algorithm used is not HS256');
  // A bad signature, or a missing iat, makes Notify try the service's next key; with none left
  // it says the key was not found.
  if (!signatureMatches(`${headerSegment}.${payloadSegment}`, signature, key.secret)) return forbidden(KEY_NOT_FOUND);
  if (!Object.hasOwn(claims, 'iat')) return forbidden(KEY_NOT_FOUND);
  const iat = issuedAt(claims.iat);
  if (iat === null || Math.abs(nowSeconds - iat) > CLOCK_BOUND_SECONDS) return forbidden(CLOCK_ERROR);
  return null;
}
