import fc from 'fast-check';
import { hugeString } from './malformed.js';

/** The parts of a bad HTTP request around its body: path parameters, query strings, Content-Type. */

/** Past Node's 16 KB limit on a request's headers, where the HTTP parser itself refuses. */
const LONG_PARAM_MAX = 20_000;

/** Characters Node refuses in a request path (it throws before sending): spaces, controls, beyond Latin-1. */
const NOT_SENDABLE = /[^\u0021-\u00ff]/gu;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Left raw where Node allows it ("..", "/", "%", "?", "#", markup), or percent-encoded as a browser would. */
export function inPath(value: string, raw: boolean): string {
  // Half a surrogate pair has no UTF-8 form to percent-encode; a browser sends U+FFFD for it.
  const sendable = value.replace(LONE_SURROGATE, '\uFFFD');
  return raw ? sendable.replace(NOT_SENDABLE, (char) => encodeURIComponent(char)) : encodeURIComponent(sendable);
}

/** Values for `:id`, `:token` or any path parameter; `realIds` are ids that exist (another ward's visit, say). */
export function pathParam(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...realIds) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        '.',
        '..',
        '../..',
        '..%2F..%2Fsession',
        '%2e%2e%2f%2e%2e',
        '%',
        '%E0%A4%A',
        '%ZZ',
        '%00',
        '%C0%AF',
        '<script>alert(1)</script>',
        '"><img src=x onerror=alert(1)>',
        '__proto__',
        'constructor',
        'prototype',
        'null',
        'undefined',
        "' OR 1=1 --",
        '00000000-0000-0000-0000-000000000000',
      ),
    },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hugeString(1_000, LONG_PARAM_MAX) },
  );
}

const queryPart = fc.oneof(
  fc.constantFrom('__proto__[isAdmin]=1', 'constructor[prototype][isAdmin]=1', 'a[b][c]=1', 'a=1&a=2', '%E0%A4%A', '%', '=', '&&', 'token=x', 'wardCode=DEMO&pin=1'),
  fc.tuple(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 40 })).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`),
);

/** A query string (with its "?"), or none. Every route ignores its query; none may be harmed by one. */
export const queryString: fc.Arbitrary<string> = fc.option(fc.array(queryPart, { minLength: 1, maxLength: 4 }).map((parts) => `?${parts.join('&')}`), {
  nil: '',
  freq: 2,
});

/** Content-Type values, mostly JSON (so bodies reach validation), some wrong, odd or absent. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 16, arbitrary: fc.constant('application/json') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'APPLICATION/JSON',
      'application/json;;;',
      'application/vnd.api+json',
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      '*/*',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,60}$/) },
);

/** Cookie headers that are no session: none, made up, huge, or the session cookie of the other kind. */
export function notASessionCookie(otherKinds: string[]): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(...otherKinds),
    fc.stringMatching(/^[\x21-\x3a\x3c-\x7e]{1,60}$/).map((value) => `wvv_session=${value}`),
    fc.stringMatching(/^[\x21-\x3a\x3c-\x7e]{1,60}$/).map((value) => `wvv_visitor=${value}`),
    fc.stringMatching(/^[\x21-\x3a\x3c-\x7e]{1,60}$/).map((value) => `wvv_admin=${value}`),
    fc.integer({ min: 4_000, max: LONG_PARAM_MAX }).map((length) => `wvv_session=${'a'.repeat(length)}`),
  );
}
