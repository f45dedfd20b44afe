import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { formatUkMobile, normaliseUkMobile, readUkMobile, telHref } from '../../src/shared/index.js';
import metadata from '../../src/shared/uk-phone-metadata.js';

describe('UK mobiles as people type them', () => {
  it.each([
    ['07700 900123', '07700900123'],
    ['07700900123', '07700900123'],
    ['07700-900-123', '07700900123'],
    ['(07700) 900123', '07700900123'],
    ['+44 7700 900123', '07700900123'],
    ['+447700900123', '07700900123'],
    ['0044 7700 900123', '07700900123'],
    ['+44 (0)7700 900123', '07700900123'],
    ['  07700 900 123  ', '07700900123'],
    // Google's own examples of mobiles: Great Britain, Guernsey, Jersey, Isle of Man (two ranges).
    ['07400 123456', '07400123456'],
    ['07781 123456', '07781123456'],
    ['07797 712345', '07797712345'],
    ['07924 123456', '07924123456'],
    ['07624 123456', '07624123456'],
  ])('stores %j as %s', (typed, stored) => {
    expect(normaliseUkMobile(typed)).toBe(stored);
  });

  it('knows the Crown Dependencies’ mobiles, which share +44', () => {
    const countryOf = (typed: string) => {
      const reading = readUkMobile(typed);
      return 'phone' in reading ? reading.phone.country : reading.problem.kind;
    };
    expect([countryOf('07781 123456'), countryOf('07797 712345'), countryOf('07624 123456')]).toEqual(['GG', 'JE', 'IM']);
  });

  it.each([
    ['070 1234 5678', 'not-mobile'], // a personal number: it forwards to any phone, and texts may never arrive
    ['07600 123456', 'not-mobile'], // a pager
    ['0800 123 4567', 'not-mobile'],
    ['07610 123456', 'not-mobile'], // 07 and 11 digits, but no mobile has it
    ['020 7946 0000', 'landline'],
    ['+44 20 7946 0000', 'landline'],
    ['0770090098', 'too-short'],
    ['12345', 'too-short'],
    ['+44', 'too-short'],
    ['+', 'too-short'],
    ['07700 9009821', 'too-long'],
    ['+44 7700 9001234', 'too-long'],
    ['+1 415 555 0100', 'not-uk'],
    ['001 415 555 0100', 'not-uk'],
    ['0033 6 12 34 56 78', 'not-uk'],
    ['+353 87 123 4567', 'not-uk'],
    ['seven', 'characters'],
    ['07700 9OO123', 'characters'], // letter O for nought
    ['07700.900.123', 'characters'],
    ['07700 900123 ext 5', 'characters'],
    ['07700+900123', 'characters'],
    ['<b>07700 900123</b>', 'characters'],
  ])('refuses %j as %s', (typed, kind) => {
    const reading = readUkMobile(typed);
    expect('problem' in reading ? reading.problem.kind : reading.mobile).toBe(kind);
  });

  it('names a refused number by the library’s digits, never by the typed text', () => {
    expect(readUkMobile('020-7946-0000')).toEqual({ problem: { kind: 'landline', number: '020 7946 0000' } });
    expect(readUkMobile('+44 (0)70 1234 5678')).toEqual({ problem: { kind: 'not-mobile', number: '070 1234 5678' } });
  });
});

describe('UK mobiles as people read and dial them', () => {
  it.each([
    ['07700900123', '07700 900123'],
    ['+447700900123', '07700 900123'],
    ['07700 900 123', '07700 900123'],
    ['07624123456', '07624 123456'],
  ])('shows %s as %s', (stored, shown) => {
    expect(formatUkMobile(stored)).toBe(shown);
  });

  it('leaves a number that is not a UK mobile as it was', () => {
    expect(formatUkMobile('020 7946 0000')).toBe('020 7946 0000');
    expect(formatUkMobile('07012345678')).toBe('07012345678');
  });

  it('dials with the country code, so the link works from any phone', () => {
    expect(telHref('07700900123')).toBe('tel:+447700900123');
    expect(telHref('020 7946 0000')).toBe('tel:+442079460000');
  });
});

describe('the +44 metadata', () => {
  // Fails after an upgrade of libphonenumber-js until `node scripts/uk-phone-metadata.mjs` is run again.
  it('is the installed library’s own +44 data, unchanged', () => {
    const all = createRequire(import.meta.url)('libphonenumber-js/metadata.max.json');
    const shared: string[] = all.country_calling_codes['44'];
    expect(metadata.country_calling_codes).toEqual({ '44': shared });
    expect(Object.keys(metadata.countries)).toEqual(shared);
    for (const country of shared) expect(metadata.countries[country as keyof typeof metadata.countries]).toEqual(all.countries[country]);
    expect(metadata.version).toBe(all.version);
  });
});
