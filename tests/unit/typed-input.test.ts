import { describe, expect, it } from 'vitest';
import { normaliseTime } from '../../src/shared/index.js';

describe('times as nurses type them', () => {
  it.each([
    ['9:30', '09:30'],
    ['09:30', '09:30'],
    ['9.30', '09:30'],
    ['930', '09:30'],
    ['0930', '09:30'],
    ['14.45', '14:45'],
    ['1445', '14:45'],
    ['14 45', '14:45'],
    [' 14:45 ', '14:45'],
    ['9', '09:00'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['2.30pm', '14:30'],
    ['2:30 PM', '14:30'],
    ['9am', '09:00'],
    ['12pm', '12:00'],
    ['12.15am', '00:15'],
  ])('reads %s as %s', (typed, time) => {
    expect(normaliseTime(typed)).toBe(time);
  });

  it.each(['', 'half nine', '24:00', '9:60', '9:3', '12345', '13pm', '0am', '9::30', '9-30', '-930'])('does not read %j as a time', (typed) => {
    expect(normaliseTime(typed)).toBeNull();
  });
});
