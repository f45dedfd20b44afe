/**
 * A stand-in for a value that a hook makes later (a server started in beforeAll, a browser
 * launched in beforeEach): a test file can take it at the top, as a plain object, and every
 * read goes to whichever value is current. Methods are bound to that value, so they keep
 * working when passed on. Read before the hook ran, it throws a sentence saying so. `own`
 * holds what belongs to the handle itself rather than to the value (such as a restart).
 */
export function liveHandle<T extends object, Own extends object = object>(what: string, current: () => T | undefined, own?: Own): T & Own {
  const target = (): T => {
    const value = current();
    if (value === undefined) throw new Error(`${what} is not started yet: read it inside a test or a hook that runs after it starts`);
    return value;
  };
  return new Proxy({} as T & Own, {
    get(_, key) {
      if (own && Reflect.has(own, key)) return Reflect.get(own, key);
      const value = Reflect.get(target(), key);
      return typeof value === 'function' ? value.bind(target()) : value;
    },
    has: (_, key) => (own !== undefined && Reflect.has(own, key)) || Reflect.has(target(), key),
    // For `{ ...server, url }`: spreading copies the current value's own properties.
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor(_, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
