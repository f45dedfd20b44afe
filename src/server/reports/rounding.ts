const MINUTE_MS = 60_000;
/** Minutes are shown to a tenth (6 seconds): finer than anyone reads, coarse enough to sum by eye. */
const MINUTE_DECIMALS = 1;
const SCALE = 10 ** MINUTE_DECIMALS;

/**
 * The one place a report rounds: milliseconds to minutes, to one decimal place. Everything
 * before it adds exact milliseconds, so a total is the rounded sum, not a sum of roundings.
 */
export function presentMinutes(ms: number): number {
  // Dividing by a whole number of milliseconds (6,000) keeps halves exact for whole-millisecond input.
  return Math.round(ms / (MINUTE_MS / SCALE)) / SCALE;
}
