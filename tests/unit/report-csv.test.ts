import { describe, expect, it } from 'vitest';
import { buildReport, csvField, reportCsv, reportCsvFilename } from '../../src/server/reports/index.js';

const BOM = '\uFEFF';
const HEADINGS = 'Scope,Date,Visits booked,Completed,Ended with nobody joined,Cancelled,Missed,Call minutes,Reconnections,Outage minutes';

const reportFor = (scope: string) =>
  buildReport({
    range: { from: '2026-11-21', to: '2026-11-22' },
    timeZone: 'Europe/London',
    scope,
    visits: [
      {
        ward_id: 'ward',
        status: 'completed',
        starts_at: '2026-11-21T14:30:00.000Z',
        connected_at: '2026-11-21T14:21:00.000Z',
        ended_at: '2026-11-21T14:51:00.000Z',
        reconnections: 2,
        outage_seconds: 45,
      },
      { ward_id: 'ward', status: 'cancelled', starts_at: '2026-11-22T09:00:00.000Z', connected_at: null, ended_at: null, reconnections: 0, outage_seconds: 0 },
    ],
    feedback: [{ answer: 'good', count: 3 }],
  });

describe('the report as CSV', () => {
  it('starts with a byte order mark, ends every record with CRLF, and has a row per day then the total', () => {
    const csv = reportCsv(reportFor('All wards'));
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(BOM.length).split('\r\n')).toEqual([
      HEADINGS,
      'All wards,2026-11-21,1,1,0,0,0,29.3,2,0.8',
      'All wards,2026-11-22,1,0,0,1,0,0,0,0',
      'All wards,Total,2,1,0,1,0,29.3,2,0.8',
      '',
    ]);
    // No bare line feed anywhere, and no feedback rows: every record has the same columns.
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(csv).not.toMatch(/good/i);
  });

  it('quotes a scope holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(reportCsv(reportFor('Oak ward, St Mary\'s')).split('\r\n')[1]).toBe('"Oak ward, St Mary\'s",2026-11-21,1,1,0,0,0,29.3,2,0.8');
    // The line break stays inside the quotes, so a CSV reader takes these two lines as one record.
    const lines = reportCsv(reportFor('Ward 7, "Oak" \r\nSt Mary\'s')).slice(BOM.length).split('\r\n');
    expect(lines[1]).toBe('"Ward 7, ""Oak"" ');
    expect(lines[2]).toBe('St Mary\'s",2026-11-21,1,1,0,0,0,29.3,2,0.8');
  });

  it('makes a scope a spreadsheet would run as a formula into text', () => {
    const firstRow = (scope: string) => reportCsv(reportFor(scope)).split('\r\n')[1]!.split(',2026-11-21,')[0];
    expect(firstRow('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(firstRow('+1')).toBe("'+1");
    expect(firstRow('-1')).toBe("'-1");
    expect(firstRow('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
  });

  it('escapes each field the same way', () => {
    expect(csvField('Plain ward')).toBe('Plain ward');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField('\tTabbed')).toBe("'\tTabbed");
    expect(csvField('\rReturn')).toBe(`"'\rReturn"`);
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    // Only a leading sign is a formula: inside a name it is just text.
    expect(csvField('Ward A-1 = east')).toBe('Ward A-1 = east');
    expect(csvField('')).toBe('');
  });

  it('is named for its range', () => {
    expect(reportCsvFilename({ from: '2026-11-01', to: '2026-11-30' })).toBe('visits-2026-11-01-to-2026-11-30.csv');
  });
});
