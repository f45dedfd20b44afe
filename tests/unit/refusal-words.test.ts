import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from '../../src/server/http/errors.js';

/** A refusal names what was wrong in plain words, and never repeats what a sender typed that is not a field name. */
describe('the words of a refusal', () => {
  const refuse = (body: unknown) => {
    const result = z.strictObject({ visitId: z.string() }).safeParse(body);
    if (result.success) throw new Error('expected a refusal');
    return describeZodError(result.error);
  };

  it('names unknown fields that look like field names', () => {
    expect(refuse({ visitId: 'a', admin: true })).toBe('The request is not valid: The request body has fields that are not allowed: admin.');
  });

  it('counts, and does not repeat, names that are markup, paths or file names', () => {
    const message = refuse({ visitId: 'a', admin: 1, '.js': 1, '<script>alert(1)</script>': 1, '': 1, ['x'.repeat(100)]: 1 });
    expect(message).toBe('The request is not valid: The request body has fields that are not allowed: admin and 4 more.');
    expect(refuse({ visitId: 'a', '.js': 1 })).toBe('The request is not valid: The request body has fields that are not allowed.');
  });
});
