import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHazardLog, checkSummaryTable, parseHazardLog, riskRating, testTitles } from '../helpers/hazard-log.js';

/**
 * The clinical safety hazard log (DCB0129) stays true: every control names a test that exists,
 * by file and title, and that test says which hazard it protects. See the top of the log for
 * its format.
 */

const root = resolve(import.meta.dirname, '../..');
const LOG = 'docs/clinical-safety/hazard-log.md';
const SAFETY_CASE = 'docs/clinical-safety/safety-case.md';
const readRepoFile = (path: string): string | undefined => (existsSync(resolve(root, path)) ? readFileSync(resolve(root, path), 'utf8') : undefined);

describe('the hazard log', () => {
  it('names only tests that exist and carry its hazard ids, and every hazard has every field', () => {
    const log = readRepoFile(LOG);
    expect(checkHazardLog(log, readRepoFile)).toEqual([]);
    // At least the hazards issue 18 lists: an empty or cut-down log cannot pass.
    expect(parseHazardLog(log!).hazards.length).toBeGreaterThanOrEqual(15);
  });

  it('agrees with the summary in the safety case', () => {
    const { hazards } = parseHazardLog(readRepoFile(LOG)!);
    const safetyCase = readRepoFile(SAFETY_CASE);
    expect(safetyCase, `${SAFETY_CASE} is missing`).toBeDefined();
    expect(checkSummaryTable(safetyCase!, hazards, 'The safety case')).toEqual([]);
  });
});

/** A small log the checker's own tests break one way at a time. */
const TEST_FILE = 'tests/unit/example.test.ts';
const SOURCE = [
  "describe('a thing', () => {",
  '  // Hazard H01: the thing is safe',
  "  it('does the safe thing', () => {});",
  "  it('does another thing', () => {});",
  '});',
].join('\n');

function hazard(overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    Hazard: 'Something goes wrong.',
    Causes: 'A cause.',
    Effect: 'A patient is harmed.',
    'Initial risk': 'severity major, likelihood medium, risk 3.',
    Controls: `\n  1. A control.\n     - Proved by \`${TEST_FILE}\`: \`does the safe thing\``,
    'Residual risk': 'severity major, likelihood very low, risk 2. What is left.',
    'The trust must': 'Do its part.',
    ...overrides,
  };
  const body = Object.entries(fields)
    .filter(([, value]) => value !== 'OMIT')
    .map(([label, value]) => `- **${label}:**${value.startsWith('\n') ? '' : ' '}${value}`)
    .join('\n');
  return `# Hazard log\n\n| Id | Hazard | Initial | Residual |\n| --- | --- | --- | --- |\n| H01 | Something | 3 | 2 |\n\n## H01: Something goes wrong\n\n${body}\n`;
}
const files = (extra: Record<string, string> = {}) => (path: string) => ({ [TEST_FILE]: SOURCE, ...extra })[path];

describe('the hazard log checker', () => {
  it('passes a log whose every claim holds', () => {
    expect(checkHazardLog(hazard(), files())).toEqual([]);
  });

  it('fails a missing log, an empty one, and one with no hazards', () => {
    expect(checkHazardLog(undefined, files())).toEqual(['The hazard log is missing']);
    expect(checkHazardLog('', files())).toContain('The hazard log has no hazards (no "## H01: …" headings)');
    expect(checkHazardLog('# Hazard log\n\nNothing yet.\n', files())).toContain('The hazard log has no hazards (no "## H01: …" headings)');
  });

  it('fails a hazard that lacks a field, or leaves one empty', () => {
    expect(checkHazardLog(hazard({ Causes: 'OMIT' }), files())).toEqual(['H01: "Causes" is missing or empty']);
    expect(checkHazardLog(hazard({ 'The trust must': '' }), files())).toEqual(['H01: "The trust must" is missing or empty']);
  });

  it('fails a hazard with no control and no residual-risk statement, and passes one that says why', () => {
    const bare = hazard({ Controls: 'None.', 'Residual risk': 'severity major, likelihood very low, risk 2.' });
    expect(checkHazardLog(bare, files())).toEqual(['H01: has no control and no residual-risk statement saying why that is acceptable']);
    expect(checkHazardLog(hazard({ Controls: 'None.' }), files())).toEqual([]);
  });

  it('fails a control that names no test', () => {
    expect(checkHazardLog(hazard({ Controls: '\n  1. A control nobody proves.' }), files())).toEqual(['H01: control 1 names no test that proves it']);
  });

  it('fails a test file that does not exist, as when it was renamed', () => {
    const renamed = hazard({ Controls: '\n  1. A control.\n     - Proved by `tests/unit/renamed.test.ts`: `does the safe thing`' });
    expect(checkHazardLog(renamed, files())).toEqual(['H01: tests/unit/renamed.test.ts does not exist (renamed or deleted?)']);
  });

  it('fails a test name the file does not have, and a file that is not a test', () => {
    const missing = hazard({ Controls: `\n  1. A control.\n     - Proved by \`${TEST_FILE}\`: \`does the safe thing quickly\`` });
    expect(checkHazardLog(missing, files())).toEqual([`H01: ${TEST_FILE} has no test titled "does the safe thing quickly"`]);
    const helper = hazard({ Controls: '\n  1. A control.\n     - Proved by `tests/helpers/server.ts`: `does the safe thing`' });
    expect(checkHazardLog(helper, files())).toEqual(['H01: tests/helpers/server.ts is not a test file under tests/']);
  });

  it('fails a test that does not carry the hazard id, and accepts the id in its title', () => {
    const unmarked = hazard({ Controls: `\n  1. A control.\n     - Proved by \`${TEST_FILE}\`: \`does another thing\`` });
    expect(checkHazardLog(unmarked, files())).toEqual([`H01: "does another thing" in ${TEST_FILE} should say H01 in its title or in a comment directly above it`]);
    const titled = hazard({ Controls: `\n  1. A control.\n     - Proved by \`${TEST_FILE}\`: \`H01 does another thing\`` });
    expect(checkHazardLog(titled, files({ [TEST_FILE]: "it('H01 does another thing', () => {});" }))).toEqual([]);
  });

  it('does not take a marker above an earlier test, or in its body, for the next one', () => {
    const source = ['// Hazard H01: the first', "it('first', () => {", '  // H01 inside', '});', "it('second', () => {});"].join('\n');
    const second = hazard({ Controls: `\n  1. A control.\n     - Proved by \`${TEST_FILE}\`: \`second\`` });
    expect(checkHazardLog(second, files({ [TEST_FILE]: source }))).toEqual([`H01: "second" in ${TEST_FILE} should say H01 in its title or in a comment directly above it`]);
  });

  it('fails a rating that is not what the DCB0129 matrix gives, and words not on its scales', () => {
    expect(checkHazardLog(hazard({ 'Initial risk': 'severity major, likelihood medium, risk 4.' }), files())).toEqual([
      'H01 initial risk: major severity at medium likelihood is risk 3 on the DCB0129 matrix, not 4',
    ]);
    expect(checkHazardLog(hazard({ 'Initial risk': 'severity awful, likelihood medium, risk 3.' }), files())).toEqual([
      'H01 initial risk: "awful" is not a severity (minor, significant, considerable, major, catastrophic)',
    ]);
    expect(checkHazardLog(hazard({ 'Residual risk': 'quite low' }), files())).toContain('H01 residual risk should start "severity <…>, likelihood <…>, risk <1-5>"');
  });

  it('fails a summary table that disagrees with the hazards', () => {
    expect(checkHazardLog(hazard().replace('| H01 | Something | 3 | 2 |', '| H01 | Something | 3 | 1 |'), files())).toEqual([
      "The hazard log's summary table gives H01 3 → 1, the log 3 → 2",
    ]);
    expect(checkHazardLog(hazard().replace('| H01 | Something | 3 | 2 |', ''), files())).toEqual(["The hazard log's summary table lists H01 0 times, not once"]);
  });

  it('fails a hazard id given twice', () => {
    const log = hazard();
    const twice = `${log}\n${log.slice(log.indexOf('## H01'))}`;
    expect(checkHazardLog(twice, files())).toContain('H01 appears more than once');
  });

  it('holds to the matrix at its corners', () => {
    expect(riskRating('minor', 'very low')).toBe(1);
    expect(riskRating('catastrophic', 'very high')).toBe(5);
    expect(riskRating('catastrophic', 'very low')).toBe(3);
    expect(riskRating('minor', 'very high')).toBe(3);
  });
});

describe('test titles in a file', () => {
  it('are read from single quotes, double quotes and backticks, with escapes, across lines', () => {
    const source = [
      "it('single \\'quoted\\'', () => {});",
      'test("double \\"quoted\\" it\'s", () => {});',
      'it(`back ticked "and" \'quoted\'`, () => {});',
      'it(',
      "  'on the next line',",
      '  async () => {},',
      ');',
      "it.skip('skipped', () => {});",
    ].join('\n');
    expect(testTitles(source)).toEqual([
      { title: "single 'quoted'", line: 1 },
      { title: 'double "quoted" it\'s', line: 2 },
      { title: 'back ticked "and" \'quoted\'', line: 3 },
      { title: 'on the next line', line: 4 },
      { title: 'skipped', line: 8 },
    ]);
  });

  it('leave out it.each, templates with interpolation, concatenations and calls that are not tests', () => {
    const source = [
      "it.each([1, 2])('accepts %s', () => {});",
      'it(`locks after ${LIMIT} tries`, () => {});',
      "it('half ' + 'and half', () => {});",
      "expect(/x/.test('abc')).toBe(false);",
      "submit('not a test');",
      "// it's a comment (not a test)",
    ].join('\n');
    expect(testTitles(source)).toEqual([]);
  });
});
