import fc from 'fast-check';
import { PROTOTYPE_KEYS, malformedValue } from './malformed.js';

/** Bad request bodies as the bytes on the wire: JSON of bad values, broken JSON, and bytes that are not UTF-8. */

export type WireBody = string | Uint8Array;

/** JSON as a browser would send it; values JSON cannot carry (undefined, functions) become no body at all. */
export function jsonTextOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** Text that is almost JSON, or JSON that parsers disagree about. */
const oddJson = fc.constantFrom(
  '{',
  '}',
  '[',
  '"',
  '{"a":1,}',
  '[1,]',
  "{'a':1}",
  '{a:1}',
  'NaN',
  'undefined',
  '{"a":NaN}',
  '{"a":1}{"b":2}',
  '{"a":1} trailing',
  '/* comment */ {}',
  '\uFEFF{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1e999999}',
  '{"a":123456789012345678901234567890}',
  '{"a":-0}',
  '{"type":"book","type":"cancel"}',
  '\u0000',
  '   ',
  'null',
  'true',
  '0',
  '""',
);

/** Bytes that are never valid UTF-8: a lone continuation byte, overlong forms, a UTF-16 surrogate, past U+10FFFF, 0xFE/0xFF. */
const INVALID_UTF8 = [[0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xc3], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff]];

function spliceBytes(text: string, cuts: { at: number; bad: number[] }[]): Uint8Array {
  let bytes = [...new TextEncoder().encode(text)];
  for (const { at, bad } of cuts) {
    const where = bytes.length === 0 ? 0 : at % (bytes.length + 1);
    bytes = [...bytes.slice(0, where), ...bad, ...bytes.slice(where)];
  }
  return Uint8Array.from(bytes);
}

/** A JSON body with invalid UTF-8 spliced in, often inside a string where a lax decoder would keep it. */
function invalidUtf8(valid: () => unknown): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.array(fc.record({ at: fc.nat(), bad: fc.constantFrom(...INVALID_UTF8) }), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([cuts, inString]) => {
      const text = jsonTextOf(valid());
      if (!inString) return spliceBytes(text, cuts);
      // Right after the first opening quote of a value: `{"token":"<bad bytes>...`.
      const quote = text.indexOf(':"');
      return quote < 0 ? spliceBytes(text, cuts) : spliceBytes(text, cuts.map((cut) => ({ ...cut, at: quote + 2 })));
    });
}

/** Valid JSON cut short somewhere before its end. */
function truncated(valid: () => unknown): fc.Arbitrary<string> {
  return fc.nat().map((at) => {
    const text = jsonTextOf(valid());
    return text.slice(0, at % Math.max(1, text.length));
  });
}

/** Prototype keys written into the JSON text itself, where JSON.parse would make them own properties. */
export function prototypeKeysInText(valid: () => unknown): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom('{"isAdmin":true}', '{"prototype":{"isAdmin":true}}', 'null', '1', '[]')).map(([key, value]) => {
    const text = jsonTextOf(valid());
    return text.startsWith('{') && text.length > 2 ? `{"${key}":${value},${text.slice(1)}` : `{"${key}":${value}}`;
  });
}

/**
 * Any bad body for a route whose valid body looks like `valid()`. `maxBytes` is the server's
 * body limit: huge values go past it as well as just under it.
 */
export function malformedBody(valid: () => unknown, maxBytes: number): fc.Arbitrary<WireBody> {
  return fc.oneof(
    { weight: 6, arbitrary: malformedValue(valid, { maxString: maxBytes * 2, maxDepth: maxBytes / 2 }).map(jsonTextOf) },
    { weight: 1, arbitrary: oddJson },
    { weight: 1, arbitrary: truncated(valid) },
    { weight: 1, arbitrary: prototypeKeysInText(valid) },
    { weight: 1, arbitrary: invalidUtf8(valid) },
  );
}

/** What a server decoding the body as UTF-8 (with replacement) and parsing it as JSON would get, if anything. */
export function decodedJson(body: WireBody | undefined): { parsed: true; value: unknown } | { parsed: false } {
  if (body === undefined) return { parsed: false };
  // As the server reads it: a leading byte-order mark is dropped (TextDecoder does so for bytes; secure-json-parse for text).
  const text = typeof body === 'string' ? body.replace(/^\uFEFF/, '') : new TextDecoder().decode(body);
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch {
    return { parsed: false };
  }
}
