import { describe, expect, it } from 'vitest';
import { bookingProblems, normaliseUkMobile, tidyBooking, type BookingFields } from '../../src/shared/index.js';
import { bookingFields } from '../helpers/fixtures.js';

const NOW = new Date('2026-11-20T09:00:00Z');
const fields = (overrides: Partial<BookingFields> = {}): BookingFields => bookingFields({ patientName: 'Alex Example', visitorName: 'Sam Example', ...overrides });
const problemsWith = (overrides: Partial<BookingFields>) => bookingProblems(fields(overrides), NOW, 'Europe/London');

describe('booking rules', () => {
  it('accepts a complete booking with no contact details', () => {
    expect(problemsWith({})).toEqual([]);
  });

  it.each([
    ['07700 900982', '07700900982'],
    ['+44 7700 900982', '07700900982'],
    ['0044-7700-900982', '07700900982'],
    ['(07700) 900 982', '07700900982'],
  ])('accepts the UK mobile %s', (typed, stored) => {
    expect(normaliseUkMobile(typed)).toBe(stored);
    expect(problemsWith({ visitorMobile: typed })).toEqual([]);
  });

  it.each([
    ['0770090098', 'The mobile number is too short: enter all 11 digits, like 07700 900982'],
    ['12345', 'The mobile number is too short: enter all 11 digits, like 07700 900982'],
    ['07700 9009821', 'The mobile number is too long: enter 11 digits, like 07700 900982'],
    ['020-7946-0000', '020 7946 0000 is a landline: enter a mobile number, like 07700 900982'],
    ['070 1234 5678', '070 1234 5678 is not a mobile number: enter a mobile number, like 07700 900982'],
    ['07600 123456', '076 0012 3456 is not a mobile number: enter a mobile number, like 07700 900982'],
    ['+1 415 555 0100', 'Enter a UK mobile number, like 07700 900982: text messages can only go to UK mobiles'],
    ['seven', 'Mobile number must only include numbers, spaces, brackets and dashes, like 07700 900982'],
    ['<b>07700 900123</b>', 'Mobile number must only include numbers, spaces, brackets and dashes, like 07700 900982'],
  ])('refuses the mobile %j saying why and what to do', (typed, message) => {
    expect(problemsWith({ visitorMobile: typed })).toEqual([{ field: 'visitorMobile', message }]);
  });

  it.each([
    ['name@example', 'The email address is not complete after the @: enter all of it, like name@example.com'],
    ['name@@example.com', 'The email address has more than one @: enter it with one, like name@example.com'],
    ['name@example..com', 'The email address has 2 dots in a row: enter it with one, like name@example.com'],
    ['name @example.com', 'The email address cannot include spaces: enter it like name@example.com'],
    ['name.example.com', 'Enter the email address with its @, like name@example.com'],
    ['<a>@b.com', 'Enter an email address in the correct format, like name@example.com'],
    [`${'a'.repeat(250)}@example.com`, 'Email address must be 254 characters or fewer'],
  ])('refuses the email %j saying why and what to do', (typed, message) => {
    expect(problemsWith({ visitorEmail: typed })).toEqual([{ field: 'visitorEmail', message }]);
  });

  it('checks the email address without the spaces around it, as it is stored', () => {
    expect(problemsWith({ visitorEmail: '  name@example.com ' })).toEqual([]);
    expect(problemsWith({ visitorMobile: '  ', visitorEmail: ' ' })).toEqual([]);
  });

  it('names the mobile and the email at once when both are wrong', () => {
    expect(problemsWith({ visitorMobile: '07700', visitorEmail: 'name@example' }).map((p) => p.field)).toEqual(['visitorMobile', 'visitorEmail']);
  });

  // Hazard H19: booking mistakes are caught before and after booking
  it('needs the time to be in the future', () => {
    expect(problemsWith({ date: '2026-11-20', time: '09:00' })).toEqual([{ field: 'time', message: 'The visit must be in the future' }]);
    expect(problemsWith({ date: '2026-11-20', time: '09:01' })).toEqual([]);
  });

  // Hazard H11: personal data is deleted on time and never logged
  it('needs the visit to be within a year, so no personal data outlives retention in a far-off booking', () => {
    expect(problemsWith({ date: '2027-11-20', time: '09:00' })).toEqual([]);
    expect(problemsWith({ date: '2027-11-21', time: '09:00' })).toEqual([{ field: 'date', message: 'The visit must be within a year from today' }]);
    expect(problemsWith({ date: '9999-12-31', time: '09:00' })).toEqual([{ field: 'date', message: 'The visit must be within a year from today' }]);
  });

  it.each([
    [4, false],
    [5, true],
    [240, true],
    [241, false],
    [30.5, false],
  ])('length %s minutes allowed: %s', (lengthMinutes, allowed) => {
    expect(problemsWith({ lengthMinutes }).length === 0).toBe(allowed);
  });

  it.each([
    [0, false],
    [1, true],
    [14, true],
    [15, false],
  ])('repeat for %s days allowed: %s', (repeatDays, allowed) => {
    expect(problemsWith({ repeatDays }).length === 0).toBe(allowed);
  });

  it('names the date and the time at once when both are wrong, not the date alone', () => {
    expect(problemsWith({ date: '', time: '' })).toEqual([
      { field: 'date', message: 'Enter the date of the visit' },
      { field: 'time', message: 'Enter the time of the visit' },
    ]);
    expect(problemsWith({ date: '2026-02-30', time: 'half nine' })).toEqual([
      { field: 'date', message: 'Date of the visit must be a real date' },
      { field: 'time', message: 'Enter a real time, like 9:30 or 14:30' },
    ]);
  });

  it('puts "in the future" on the box that is wrong: the date for a past day, the time for earlier today', () => {
    expect(problemsWith({ date: '2026-11-19', time: '23:00' })).toEqual([{ field: 'date', message: 'The date must be today or in the future' }]);
    expect(problemsWith({ date: '2026-11-20', time: '08:59' })).toEqual([{ field: 'time', message: 'The visit must be in the future' }]);
    expect(problemsWith({ date: '2026-11-21', time: '08:00' })).toEqual([]);
  });

  it('reads the day in the hospital’s time zone when deciding what is today', () => {
    // 23:30 UTC on the 20th is already the 21st in Auckland.
    const late = new Date('2026-11-20T23:30:00Z');
    expect(bookingProblems(fields({ date: '2026-11-20', time: '23:45' }), late, 'Pacific/Auckland')).toEqual([
      { field: 'date', message: 'The date must be today or in the future' },
    ]);
  });

  it.each(['9.30', '930', '9:30', '09:30'])('books %s as 09:30 once tidied', (time) => {
    const tidied = tidyBooking(fields({ date: '2026-11-21', time }));
    expect(tidied.time).toBe('09:30');
    expect(bookingProblems(tidied, NOW, 'Europe/London')).toEqual([]);
  });

  it('lists problems in the order of the form', () => {
    const fieldsInError = problemsWith({ patientName: '', visitorName: '', date: '', time: '', lengthMinutes: 0 }).map((p) => p.field);
    expect(fieldsInError).toEqual(['patientName', 'visitorName', 'date', 'time', 'lengthMinutes']);
  });

  it('tidies optional fields to null and mobiles to one form', () => {
    expect(tidyBooking(fields({ patientName: '  Alex  ', bed: ' ', visitorMobile: '+447700900982', visitorEmail: '' }))).toMatchObject({
      patientName: 'Alex',
      bed: null,
      visitorMobile: '07700900982',
      visitorEmail: null,
    });
  });
});
