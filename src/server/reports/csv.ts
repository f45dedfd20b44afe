import type { ReportDay, ReportResponse } from '../../shared/index.js';

/** Excel reads a file as UTF-8 only when it starts with a byte order mark; without it "Ward Ŵ" turns to mojibake. */
const BYTE_ORDER_MARK = '\uFEFF';
/** RFC 4180 ends every record with CRLF. */
const RECORD_END = '\r\n';
/** A field holding any of these must be quoted (RFC 4180, section 2.6). */
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * A cell a spreadsheet would take for a formula: "=HYPERLINK(...)" in a ward's name could run
 * when the file is opened (OWASP "CSV Injection"). A leading single quote makes it text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const REPORT_CSV_HEADINGS = [
  'Scope',
  'Date',
  'Visits booked',
  'Completed',
  'Ended with nobody joined',
  'Cancelled',
  'Missed',
  'Call minutes',
  'Reconnections',
  'Outage minutes',
] as const;

/** One field, made safe to open and then quoted if it needs to be. */
export function csvField(value: string | number): string {
  const text = String(value);
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export function csvRecord(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',') + RECORD_END;
}

type Figures = Omit<ReportDay, 'day'>;

function figureFields(figures: Figures): number[] {
  return [
    figures.booked,
    figures.completed,
    figures.endedUnjoined,
    figures.cancelled,
    figures.missed,
    figures.callMinutes,
    figures.reconnections,
    figures.outageMinutes,
  ];
}

/**
 * The report as a spreadsheet: a heading row, one row per day, then the total. Every row has
 * the same columns, so it sorts and filters cleanly; feedback is only in the JSON report.
 */
export function reportCsv(report: ReportResponse): string {
  const { totals } = report;
  const totalFigures: Figures = { ...totals, callMinutes: totals.totalCallMinutes };
  return (
    BYTE_ORDER_MARK +
    csvRecord(REPORT_CSV_HEADINGS) +
    report.days.map((day) => csvRecord([report.scope, day.day, ...figureFields(day)])).join('') +
    csvRecord([report.scope, 'Total', ...figureFields(totalFigures)])
  );
}

/** The download's name: the range, so several saved reports sort by date. */
export function reportCsvFilename(report: Pick<ReportResponse, 'from' | 'to'>): string {
  return `visits-${report.from}-to-${report.to}.csv`;
}
