import fc from 'fast-check';

/**
 * Bad input for fuzzing the HTTP API and the call relay, whatever carries it: values that are
 * the wrong type, have fields missing or added, nest deeply, are huge, or carry the keys that
 * reach an object's prototype when a parser or a merge is careless.
 */

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** The issue asks for nesting 100 deep and more; a recursive walk overflows somewhere in the thousands. */
export const DEEP_NESTING_MIN = 100;

const anyKey = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) });

/** Any value: objects without a prototype, boxed strings, sparse and typed arrays, dates, prototype keys. */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  key: anyKey,
  maxDepth: 4,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});

/** Values JavaScript code often gets wrong: empty, negative zero, not-a-number, booleans, empty containers. */
const awkwardValue = fc
  .constantFrom<unknown>(null, undefined, 0, -0, NaN, Infinity, -1, 1e308, '', ' ', 'null', true, false, [], {}, [[]], [{}])
  // A fresh copy each time: a mutation adds to containers, and one shared `{}` would end up inside itself.
  .map((value) => (typeof value === 'object' && value !== null ? structuredClone(value) : value));

/** Arrays or objects nested `depth` levels, built without recursion so a depth of thousands is cheap. */
export function nested(depth: number, shape: 'array' | 'object' | 'mixed', leaf: unknown = null): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) {
    const asArray = shape === 'array' || (shape === 'mixed' && level % 2 === 0);
    value = asArray ? [value] : { a: value };
  }
  return value;
}

export function deeplyNested(maxDepth: number): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.integer({ min: DEEP_NESTING_MIN, max: maxDepth }), fc.constantFrom('array', 'object', 'mixed') as fc.Arbitrary<'array' | 'object' | 'mixed'>, awkwardValue)
    .map(([depth, shape, leaf]) => nested(depth, shape, leaf));
}

/** A string of `min` to `max` characters from any code points (a cut may leave half a surrogate pair). */
export function hugeString(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.integer({ min, max }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
}

type Path = (string | number)[];

/** Plain arrays and objects only: a boxed string's characters or a typed array's bytes cannot be dropped or replaced. */
function isPlainContainer(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (!isPlainContainer(value)) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

/** Sets an own property, even one named "__proto__" (plain assignment would set the prototype). */
function setOwn(target: object, key: string | number, value: unknown): void {
  // An array's length cannot be redefined (defineProperty throws); there is nothing to set.
  if (Array.isArray(target) && key === 'length') return;
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/**
 * Removes an array's element without splice: an earlier mutation may have given the array an
 * own "constructor", and splice builds its result through that (Symbol.species) and throws.
 */
function dropIndex(array: unknown[], index: number): void {
  const kept = Array.from(array).filter((_, at) => at !== index);
  array.length = 0;
  // By index, not push: an own "push" may have been added too.
  kept.forEach((item, at) => (array[at] = item));
}

interface Mutation {
  op: 'drop' | 'add' | 'swap' | 'wrap';
  at: number;
  key: string;
  value: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('drop', 'add', 'swap', 'wrap') as fc.Arbitrary<Mutation['op']>,
  at: fc.nat(),
  key: anyKey,
  value: fc.oneof(anyValue, awkwardValue),
});

/** Applies one mutation to a copy: drops a field, adds one, swaps one's value (often for another type) or wraps it in an array. */
function mutate(root: unknown, { op, at, key, value }: Mutation): unknown {
  const paths = pathsOf(root);
  const path = paths[at % paths.length]!;
  const target = path.reduce<any>((node, step) => node[step], root);
  if (op === 'add') {
    if (isPlainContainer(target)) setOwn(target, key, value);
    return root;
  }
  if (path.length === 0) return op === 'wrap' ? [root] : op === 'swap' ? value : undefined;
  const parent = path.slice(0, -1).reduce<any>((node, step) => node[step], root);
  const last = path[path.length - 1]!;
  if (op === 'drop') Array.isArray(parent) && /^\d+$/.test(String(last)) ? dropIndex(parent, Number(last)) : delete parent[last];
  else setOwn(parent, last, op === 'swap' ? value : [target]);
  return root;
}

/** A valid message with one to three things wrong with it: the bad input most likely to get past a loose check. */
export function mutatedFrom(valid: () => unknown): fc.Arbitrary<unknown> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutations.reduce(mutate, structuredClone(valid())));
}

/** An object whose keys are the prototype ones, alongside the valid message's own fields. */
export function withPrototypeKeys(valid: () => unknown): fc.Arbitrary<unknown> {
  return fc.tuple(fc.uniqueArray(fc.constantFrom(...PROTOTYPE_KEYS), { minLength: 1 }), anyValue).map(([keys, value]) => {
    const base = valid();
    const target: object = base !== null && typeof base === 'object' ? structuredClone(base) : {};
    for (const key of keys) setOwn(target, key, key === 'constructor' ? { prototype: value } : value);
    return target;
  });
}

/** Every kind of malformed value, as the decoded body or event payload a server would see. */
export function malformedValue(valid: () => unknown, limits: { maxString: number; maxDepth: number }): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: mutatedFrom(valid) },
    { weight: 3, arbitrary: anyValue },
    { weight: 2, arbitrary: withPrototypeKeys(valid) },
    { weight: 1, arbitrary: awkwardValue },
    { weight: 1, arbitrary: deeplyNested(limits.maxDepth) },
    { weight: 1, arbitrary: hugeString(limits.maxString / 2, limits.maxString).map((text) => mutate(valid(), { op: 'swap', at: 1, key: '', value: text })) },
  );
}
