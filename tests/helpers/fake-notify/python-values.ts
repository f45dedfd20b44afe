/**
 * Notify is a Python service: its ids are read with Python's `uuid.UUID` and its schema errors
 * quote values with Python's `repr`. These two mimic that much, so the fake accepts the same
 * ids and words its ValidationErrors the same way (alphagov/notifications-api,
 * app/schema_validation/__init__.py).
 */

/**
 * What `uuid.UUID(value)` accepts, in canonical form (lower case, hyphenated), or null.
 * Python drops "urn:", "uuid:", surrounding braces and every hyphen, then wants 32 hex digits.
 */
export function pythonUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const hex = value.replace('urn:', '').replace('uuid:', '').replace(/^\{+|\}+$/g, '').replaceAll('-', '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return null;
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Python's `repr` of a JSON value, as jsonschema puts it into a message. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    return quote + value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n') + quote;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${pythonRepr(key)}: ${pythonRepr(item)}`).join(', ')}}`;
  }
  return String(value);
}

/** Notify strips every single quote from a jsonschema message before answering it. */
export function withoutQuotes(message: string): string {
  return message.replaceAll("'", '');
}
