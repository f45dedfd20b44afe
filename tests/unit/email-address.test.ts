import { describe, expect, it } from 'vitest';
import { EMAIL_MAX_LENGTH, emailProblem, isEmail } from '../../src/shared/index.js';

describe('email addresses', () => {
  it.each([
    'name@example.com',
    'jo.bloggs@nhs.net',
    'jo+visits@example.co.uk',
    "o'neil@example.org",
    'JO@EXAMPLE.COM',
    'a@b-c.example.scot',
    'name@xn--bcher-kva.example',
    `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.com`,
  ])('accepts %s', (address) => {
    expect(emailProblem(address)).toBeUndefined();
    expect(isEmail(address)).toBe(true);
  });

  it.each([
    ['name @example.com', 'spaces'],
    ['name@example .com', 'spaces'],
    ['name.example.com', 'no-at'],
    ['name@@example.com', 'several-at'],
    ['name@example@nhs.net', 'several-at'],
    ['name@example', 'no-domain'],
    ['name@', 'no-domain'],
    ['name@example..com', 'dots-in-a-row'],
    ['jo..bloggs@example.com', 'dots-in-a-row'],
    ['@nhs.net', 'format'],
    ['.jo@example.com', 'format'],
    ['jo.@example.com', 'format'],
    ['<a>@b.com', 'format'],
    ['jo@-example.com', 'format'],
    ['jo@example-.com', 'format'],
    ['jo@.example.com', 'format'],
    ['jo@example.com.', 'format'],
    ['jo@example.c', 'format'],
    ['jo@example.c0m', 'format'],
    ['jo@exämple.com', 'format'],
    [`jo@${'b'.repeat(64)}.com`, 'format'],
  ])('refuses %j as %s', (address, problem) => {
    expect(emailProblem(address)).toBe(problem);
    expect(isEmail(address)).toBe(false);
  });

  it(`refuses an address longer than ${EMAIL_MAX_LENGTH} characters, which mail servers refuse too`, () => {
    const longest = `${'a'.repeat(EMAIL_MAX_LENGTH - '@example.com'.length)}@example.com`;
    expect(emailProblem(longest)).toBeUndefined();
    expect(emailProblem(`a${longest}`)).toBe('too-long');
  });
});
