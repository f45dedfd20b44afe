/** Report arithmetic: pure, no I/O. The store fetches the rows; the route sends the answer. */
export { buildReport, type FeedbackTotal, type ReportInput } from './build.js';
export { csvField, csvRecord, reportCsv, reportCsvFilename, REPORT_CSV_HEADINGS } from './csv.js';
export { addVisit, callMs, emptyTally, outcomeOf, type Outcome, type ReportVisit, type Tally } from './figures.js';
export { dayCount, daysOf, rangeInstants, resolveRange, startOfLocalDay, ReportRangeError, type ReportRange } from './range.js';
export { presentMinutes } from './rounding.js';
