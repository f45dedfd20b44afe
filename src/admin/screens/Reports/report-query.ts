import { REPORT_MAX_DAYS, type HospitalSummary, type ReportQuery } from '../../../shared/admin.js';
import type { Problem } from '../../../ui/index.js';
import type { DateParts } from '../../../ui/DateInput/index.js';
import type { SelectGroup, SelectOption } from '../../../ui/Select/index.js';

/**
 * The report form's values and the query they make. The scope select holds one value for
 * "all wards", a hospital or a ward, as "hospital:<id>" or "ward:<id>".
 */
export const ALL_WARDS = '';
const DAY_MS = 86_400_000;

export function scopeOf(query: ReportQuery): string {
  if (query.wardId) return `ward:${query.wardId}`;
  if (query.hospitalId) return `hospital:${query.hospitalId}`;
  return ALL_WARDS;
}

export function scopeQuery(scope: string): Pick<ReportQuery, 'hospitalId' | 'wardId'> {
  const [kind, id] = scope.split(':');
  if (kind === 'ward' && id) return { wardId: id };
  if (kind === 'hospital' && id) return { hospitalId: id };
  return {};
}

export function scopeChoices(hospitals: readonly HospitalSummary[]): { options: SelectOption[]; groups: SelectGroup[] } {
  return {
    options: [{ value: ALL_WARDS, label: 'All hospitals and wards' }],
    groups: hospitals.map((hospital) => ({
      label: hospital.name,
      options: [
        { value: `hospital:${hospital.id}`, label: `All wards at ${hospital.name}` },
        ...hospital.wards.map((ward) => ({ value: `ward:${ward.id}`, label: ward.archived ? `${ward.name} (archived)` : ward.name })),
      ],
    })),
  };
}

/** The query in the address, so a reload (or a bookmark) shows the same report. */
export function queryFromSearch(search: string): ReportQuery {
  const params = new URLSearchParams(search);
  const query: ReportQuery = {};
  for (const key of ['from', 'to', 'hospitalId', 'wardId'] as const) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return query;
}

export function partsOf(day: string | undefined): DateParts {
  const [year = '', month = '', date = ''] = day?.split('-') ?? [];
  return { day: date.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
}

/** A real calendar day as YYYY-MM-DD, or null. */
export function dayOf(parts: DateParts): string | null {
  const [d, m, y] = [parts.day, parts.month, parts.year].map((part) => part.trim());
  if (!/^\d{1,2}$/.test(d!) || !/^\d{1,2}$/.test(m!) || !/^\d{4}$/.test(y!)) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** Checks the two dates; answers the problems, or the range. */
export function rangeOf(from: DateParts, to: DateParts): { problems: Problem[]; from?: string; to?: string } {
  const start = dayOf(from);
  const end = dayOf(to);
  const problems: Problem[] = [];
  if (!start) problems.push({ href: 'from-day', message: 'Enter a real date for the start, like 1 11 2026' });
  if (!end) problems.push({ href: 'to-day', message: 'Enter a real date for the end, like 30 11 2026' });
  if (!start || !end) return { problems };
  if (start > end) return { problems: [{ href: 'to-day', message: 'The end date must be the same as or after the start date' }] };
  const days = (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;
  if (days > REPORT_MAX_DAYS) return { problems: [{ href: 'to-day', message: `A report can cover up to ${REPORT_MAX_DAYS} days. Choose a shorter range.` }] };
  return { problems, from: start, to: end };
}
