import fc from 'fast-check';
// Not a dependency of ours by name: the parser that socket.io and socket.io-client share.
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import type { Socket } from 'socket.io-client';
import { SOCKET_MESSAGE_MAX_BYTES } from '../../src/shared/index.js';
import { hugeString, malformedValue } from './malformed.js';
import { jsonTextOf, prototypeKeysInText } from './malformed-json.js';

/** Bad socket.io messages: the arguments of an emit, or a packet written by hand. */

/** Nesting the client library can still encode (it walks values recursively looking for binary). */
const CLIENT_MAX_DEPTH = 2_000;
/** Nesting only a hand-written packet carries: far past a recursive walk's stack, and within the relay's message limit. */
const RAW_DEPTH = { min: 10_000, max: 18_000 };

/** Names socket.io-client refuses to emit, as its own. */
export const RESERVED_EVENTS = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

export type BadEmit = { kind: 'emit'; args: unknown[]; ack: boolean } | { kind: 'raw'; json: string };

/** An emit of malformed values, several arguments or none, binary, or a string near socket.io's limit. */
export function badEmits(valid: () => unknown): fc.Arbitrary<BadEmit> {
  // Characters of up to four bytes each: a quarter of the limit stays under it.
  const value = malformedValue(valid, { maxString: SOCKET_MESSAGE_MAX_BYTES / 4, maxDepth: CLIENT_MAX_DEPTH });
  const args = fc.oneof(
    { weight: 16, arbitrary: value.map((one) => [one]) },
    { weight: 4, arbitrary: fc.array(value, { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 4_096 }).map((bytes) => [Buffer.from(bytes)]) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 4_096 }).map((bytes) => [{ ...(valid() as object), data: Buffer.from(bytes), extra: bytes }]) },
    // Either side of the limit; one byte a character, so the length says the size.
    { weight: 1, arbitrary: fc.integer({ min: SOCKET_MESSAGE_MAX_BYTES / 2, max: SOCKET_MESSAGE_MAX_BYTES * 2 }).map((length) => ['x'.repeat(length)]) },
  );
  return fc.record({ kind: fc.constant('emit' as const), args, ack: fc.boolean() });
}

/** The JSON of a packet's arguments, written by hand: nesting no client would encode, prototype keys as JSON text. */
export function badPackets(valid: () => unknown): fc.Arbitrary<BadEmit> {
  const deep = fc
    .tuple(fc.integer(RAW_DEPTH), fc.boolean())
    .map(([depth, arrays]) => (arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));
  const json = fc.oneof(
    deep,
    // In a field of an otherwise valid message, where a schema takes anything (a signal's data).
    deep.map((text) => jsonTextOf({ ...(valid() as object), data: '<deep>' }).replace('"<deep>"', text)),
    prototypeKeysInText(valid),
  );
  return json.map((text) => ({ kind: 'raw' as const, json: text }));
}

/**
 * What the server decodes from a message, through socket.io's own encoder and decoder (the one
 * parser both socket.io and socket.io-client use). It is not always what was emitted: a message
 * with binary parts loses its `__proto__` keys on the way, so `{ "__proto__": Buffer }` arrives
 * as `{}`, a well-formed "end". Undefined when the client library could not send it at all.
 */
export function seenByServer(event: string, bad: BadEmit): { args: unknown[]; bytes: number } | undefined {
  if (bad.kind === 'raw') {
    const text = `[${JSON.stringify(event)},${bad.json}]`;
    return { args: (JSON.parse(text) as unknown[]).slice(1), bytes: Buffer.byteLength(text) };
  }
  try {
    const parts: (string | Buffer)[] = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: [event, ...bad.args] });
    let decoded: unknown[] = [];
    const decoder = new Decoder();
    decoder.on('decoded', (packet: Packet) => (decoded = packet.data ?? []));
    for (const part of parts) decoder.add(part);
    return { args: decoded.slice(1), bytes: parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0) };
  } catch {
    return undefined;
  }
}

/** Event names no one declared: prototype keys, the server's own event names, markup, very long ones. */
export function unknownEventNames(declared: object): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'error', 'message', 'ping', 'call-error', 'room', 'joined', 'admitted', 'participant', 'left', 'ended', 'visits-changed', '<script>', ''),
      hugeString(1_000, 10_000),
    )
    .filter((name) => !RESERVED_EVENTS.has(name) && !Object.hasOwn(declared, name));
}

/** A hang guard only: every bad message is answered at once, or its connection closes. */
const ANSWER_WAIT_MS = 10_000;

/** What came back for one message: the relay's refusal, the connection closing, or (a failure) nothing. */
export type Answer = { kind: 'call-error'; code: string; message: string } | { kind: 'disconnected'; reason: string } | { kind: 'nothing' };

export function nextAnswer(socket: Socket): Promise<Answer> {
  return new Promise((resolve) => {
    const done = (answer: Answer) => {
      clearTimeout(timer);
      socket.off('call-error', onError);
      socket.off('disconnect', onDisconnect);
      resolve(answer);
    };
    const onError = (error: { code: string; message: string }) => done({ kind: 'call-error', ...error });
    const onDisconnect = (reason: string) => done({ kind: 'disconnected', reason });
    const timer = setTimeout(() => done({ kind: 'nothing' }), ANSWER_WAIT_MS);
    socket.on('call-error', onError);
    socket.on('disconnect', onDisconnect);
  });
}

/** Emits through the client library, or writes a hand-made packet to the /call namespace. */
export function sendBad(socket: Socket, event: string, bad: BadEmit): void {
  if (bad.kind === 'raw') {
    // A socket.io EVENT packet ("2") for the /call namespace; engine.io adds its own framing.
    (socket.io.engine as unknown as { send(text: string): void }).send(`2/call,[${JSON.stringify(event)},${bad.json}]`);
  } else if (bad.ack) socket.emit(event, ...bad.args, () => undefined);
  else socket.emit(event, ...bad.args);
}
