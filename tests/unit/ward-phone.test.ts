import { describe, expect, it } from 'vitest';
import { telHref, tidyWardPhone, wardPhoneProblem } from '../../src/shared/ward-phone.js';

describe("the ward's phone number, as an admin types it", () => {
  it('takes UK numbers written the ways people write them', () => {
    for (const phone of ['020 7946 0000', '02079460000', '(020) 7946 0000', '0113-496-0000', '+44 20 7946 0000', '+44 (0)20 7946 0000', '+442079460000', '01632 96000', '07700 900123']) {
      expect(wardPhoneProblem(phone), phone).toBeUndefined();
    }
  });

  it('says what is wrong with anything else', () => {
    expect(wardPhoneProblem('020 7946 000O')).toMatch(/^Phone number must only include numbers, spaces, brackets and dashes/);
    expect(wardPhoneProblem('<script>')).toMatch(/must only include numbers/);
    expect(wardPhoneProblem('020 7946 0000 x12')).toMatch(/must only include numbers/);
    expect(wardPhoneProblem('+33 1 23 45 67 89')).toMatch(/^Enter a UK phone number, starting with 0 or \+44/);
    expect(wardPhoneProblem('999')).toMatch(/with 10 or 11 digits/);
    expect(wardPhoneProblem('2079460000')).toMatch(/with 10 or 11 digits/);
    expect(wardPhoneProblem('+44 20 7946 0000 00')).toMatch(/with 10 or 11 digits/);
    expect(wardPhoneProblem(`0${' 1'.repeat(20)}`)).toBe('Phone number must be 30 characters or fewer');
  });

  it('is shown as typed, tidied, and dialled in the +44 form', () => {
    expect(tidyWardPhone('  020   7946\t0000 ')).toBe('020 7946 0000');
    expect(telHref('020 7946 0000')).toBe('tel:+442079460000');
    expect(telHref('+44 (0)20 7946 0000')).toBe('tel:+442079460000');
    expect(telHref('0113-496-0000')).toBe('tel:+441134960000');
  });
});
