import { expect, it } from 'vitest';
import { elapsedText, elapsedWords } from '../../src/app/call/elapsed.js';

it('shows call time as a clock, with hours only when there are any', () => {
  expect(elapsedText(0, 5_400)).toBe('0:05');
  expect(elapsedText(0, 754_000)).toBe('12:34');
  expect(elapsedText(0, 3_729_000)).toBe('1:02:09');
  // A clock that went backwards (the tablet's time corrected) never shows a negative time.
  expect(elapsedText(10_000, 0)).toBe('0:00');
});

it('says call time in words for the end of the visit', () => {
  expect(elapsedWords(0, 1_000)).toBe('1 second');
  expect(elapsedWords(0, 60_000)).toBe('1 minute');
  expect(elapsedWords(0, 245_000)).toBe('4 minutes and 5 seconds');
});
