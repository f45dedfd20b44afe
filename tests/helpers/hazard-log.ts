/**
 * Reads the clinical safety hazard log (docs/clinical-safety/hazard-log.md) and checks that
 * every claim in it still points at a real test. The format is described at the top of the
 * log itself; tests/unit/hazard-log.test.ts runs the check on every `npm test`.
 *
 * A test is referenced by its file and its title: the string literal passed to it() or test(),
 * without any describe() prefix. Titles that are not plain literals (it.each, or a template
 * with `${…}`) cannot be referenced.
 */

export const SEVERITIES = ['minor', 'significant', 'considerable', 'major', 'catastrophic'] as const;
export const LIKELIHOODS = ['very low', 'low', 'medium', 'high', 'very high'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Likelihood = (typeof LIKELIHOODS)[number];

/** DCB0129's risk matrix: the rating for a likelihood (row) and a severity (column, minor first). */
const RISK_MATRIX: Record<Likelihood, readonly number[]> = {
  'very high': [3, 4, 4, 5, 5],
  high: [2, 3, 3, 4, 5],
  medium: [2, 2, 3, 3, 4],
  low: [1, 2, 2, 3, 4],
  'very low': [1, 1, 2, 2, 3],
};

export function riskRating(severity: Severity, likelihood: Likelihood): number {
  return RISK_MATRIX[likelihood][SEVERITIES.indexOf(severity)]!;
}

export interface Assessment { severity: Severity; likelihood: Likelihood; risk: number }
export interface TestReference { file: string; title: string }
export interface Control { text: string; tests: TestReference[] }
export interface Hazard {
  id: string;
  title: string;
  fields: Map<string, string>;
  initial: Assessment | undefined;
  controls: Control[];
  residual: Assessment | undefined;
  /** What the residual risk field says after its rating. */
  residualStatement: string;
}

/** The fields every hazard must have, as their labels are written in the log. */
export const REQUIRED_FIELDS = ['Hazard', 'Causes', 'Effect', 'Initial risk', 'Controls', 'Residual risk', 'The trust must'] as const;

const HAZARD_HEADING = /^## (H\d{2}): (.+)$/;
const FIELD = /^- \*\*([^*]+):\*\*\s*(.*)$/;
const CONTROL = /^\s+\d+\.\s+(.+)$/;
const PROOF = /^\s+- Proved by `([^`]+)`: `([^`]+)`\s*$/;
const ASSESSMENT = /^severity ([a-z ]+?), likelihood ([a-z ]+?), risk (\d)\.?\s*(.*)$/is;
const NO_CONTROLS = /^none\b/i;

function parseAssessment(text: string, where: string, problems: string[]): { assessment?: Assessment; rest: string } {
  const match = ASSESSMENT.exec(text.trim());
  if (!match) {
    problems.push(`${where} should start "severity <…>, likelihood <…>, risk <1-5>"`);
    return { rest: '' };
  }
  const [, severity, likelihood, risk, rest] = match as unknown as [string, string, string, string, string];
  const s = severity.toLowerCase() as Severity;
  const l = likelihood.toLowerCase() as Likelihood;
  if (!SEVERITIES.includes(s)) problems.push(`${where}: "${severity}" is not a severity (${SEVERITIES.join(', ')})`);
  if (!LIKELIHOODS.includes(l)) problems.push(`${where}: "${likelihood}" is not a likelihood (${LIKELIHOODS.join(', ')})`);
  if (!SEVERITIES.includes(s) || !LIKELIHOODS.includes(l)) return { rest };
  const expected = riskRating(s, l);
  if (Number(risk) !== expected) problems.push(`${where}: ${s} severity at ${l} likelihood is risk ${expected} on the DCB0129 matrix, not ${risk}`);
  return { assessment: { severity: s, likelihood: l, risk: expected }, rest: rest.trim() };
}

function parseControls(id: string, lines: string[], problems: string[]): Control[] {
  const controls: Control[] = [];
  const [first = '', ...rest] = lines;
  if (NO_CONTROLS.test(first.trim()) && rest.every((line) => !line.trim())) return controls;
  if (first.trim()) problems.push(`${id}: Controls should be a numbered list, or "None."`);
  for (const line of rest) {
    if (!line.trim()) continue;
    const proof = PROOF.exec(line);
    const control = CONTROL.exec(line);
    if (proof) {
      const current = controls.at(-1);
      if (!current) problems.push(`${id}: a test is listed before any control`);
      else current.tests.push({ file: proof[1]!, title: proof[2]! });
    } else if (control) controls.push({ text: control[1]!, tests: [] });
    else if (/^\s+- /.test(line)) problems.push(`${id}: "${line.trim()}" is not "- Proved by \`<file>\`: \`<test title>\`"`);
    else if (controls.length) controls.at(-1)!.text += ` ${line.trim()}`;
    else problems.push(`${id}: "${line.trim()}" is not part of a numbered control`);
  }
  for (const [index, control] of controls.entries()) {
    if (!control.tests.length) problems.push(`${id}: control ${index + 1} names no test that proves it`);
  }
  return controls;
}

/** The hazards in the log, and whatever is wrong with their shape. */
export function parseHazardLog(markdown: string): { hazards: Hazard[]; problems: string[] } {
  const problems: string[] = [];
  const hazards: Hazard[] = [];
  const lines = markdown.split(/\r?\n/);
  let block: { id: string; title: string; lines: string[] } | undefined;
  const blocks: { id: string; title: string; lines: string[] }[] = [];
  for (const line of lines) {
    const heading = HAZARD_HEADING.exec(line);
    if (heading) blocks.push((block = { id: heading[1]!, title: heading[2]!.trim(), lines: [] }));
    else if (/^#{1,2} /.test(line)) block = undefined;
    else block?.lines.push(line);
  }
  if (!blocks.length) problems.push('The hazard log has no hazards (no "## H01: …" headings)');

  for (const { id, title, lines: body } of blocks) {
    if (hazards.some((hazard) => hazard.id === id)) problems.push(`${id} appears more than once`);
    const fields = new Map<string, string[]>();
    let current: string[] | undefined;
    for (const line of body) {
      const field = FIELD.exec(line);
      if (field) {
        if (fields.has(field[1]!)) problems.push(`${id}: "${field[1]}" is given twice`);
        fields.set(field[1]!, (current = [field[2]!]));
      } else if (/^\S/.test(line)) current = undefined;
      else current?.push(line);
    }
    const text = (label: string) => (fields.get(label) ?? []).map((line) => line.trim()).filter(Boolean).join(' ');
    for (const label of REQUIRED_FIELDS) {
      if (!fields.has(label) || (label !== 'Controls' && !text(label))) problems.push(`${id}: "${label}" is missing or empty`);
    }
    const initial = fields.has('Initial risk') ? parseAssessment(text('Initial risk'), `${id} initial risk`, problems).assessment : undefined;
    const residualParsed = fields.has('Residual risk') ? parseAssessment(text('Residual risk'), `${id} residual risk`, problems) : { rest: '' };
    const controls = fields.has('Controls') ? parseControls(id, fields.get('Controls')!, problems) : [];
    if (fields.has('Controls') && !controls.length && !residualParsed.rest) {
      problems.push(`${id}: has no control and no residual-risk statement saying why that is acceptable`);
    }
    hazards.push({
      id,
      title,
      fields: new Map([...fields.keys()].map((label) => [label, text(label)])),
      initial,
      controls,
      residual: residualParsed.assessment,
      residualStatement: residualParsed.rest,
    });
  }
  return { hazards, problems };
}

export interface TestTitle { title: string; line: number }

/**
 * The literal titles of a test file's it() and test() calls (it.only, it.skip and the like too),
 * with the line each call starts on. it.each and templates with `${…}` are left out: their
 * titles are made at run time.
 */
export function testTitles(source: string): TestTitle[] {
  const titles: TestTitle[] = [];
  const call = /(?<![\w.$])(?:it|test)(?:\.(?:only|skip|todo|fails|concurrent|sequential))*\s*\(\s*/g;
  for (let match = call.exec(source); match; match = call.exec(source)) {
    const literal = readStringLiteral(source, match.index + match[0].length);
    if (literal !== undefined) titles.push({ title: literal, line: source.slice(0, match.index).split('\n').length });
  }
  return titles;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };

/** The string literal starting at `start`, if it is one whole argument with no interpolation. */
function readStringLiteral(source: string, start: number): string | undefined {
  const quote = source[start];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  let value = '';
  for (let i = start + 1; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[++i] ?? '';
      value += ESCAPES[next] ?? next;
    } else if (quote === '`' && char === '$' && source[i + 1] === '{') return undefined;
    else if (char === quote) {
      const after = /^\s*([,)])/.exec(source.slice(i + 1));
      return after ? value : undefined;
    } else if (char === '\n' && quote !== '`') return undefined;
    else value += char;
  }
  return undefined;
}

/** Hazard ids (H01…) in the title itself or in the comment lines directly above its call. */
function markedIds(source: string, test: TestTitle): string {
  const lines = source.split('\n');
  const above: string[] = [];
  for (let index = test.line - 2; index >= 0 && above.length < MARKER_LINES; index--) {
    const line = lines[index]!.trim();
    if (!/^(\/\/|\/\*|\*)/.test(line)) break;
    above.push(line);
  }
  return [test.title, ...above].join('\n');
}

/** How many comment lines above a test are read for its hazard ids. */
export const MARKER_LINES = 8;

/** Everything that makes the log untrue: missing tests, renamed files, unmarked controls, bad shape. */
export function checkHazardLog(markdown: string | undefined, readFile: (path: string) => string | undefined): string[] {
  if (markdown === undefined) return ['The hazard log is missing'];
  const { hazards, problems } = parseHazardLog(markdown);
  const titlesByFile = new Map<string, TestTitle[] | undefined>();
  for (const hazard of hazards) {
    for (const { file, title } of hazard.controls.flatMap((control) => control.tests)) {
      if (!/^tests\/.+\.test\.ts$/.test(file)) {
        problems.push(`${hazard.id}: ${file} is not a test file under tests/`);
        continue;
      }
      if (!titlesByFile.has(file)) {
        const source = readFile(file);
        titlesByFile.set(file, source === undefined ? undefined : testTitles(source));
      }
      const titles = titlesByFile.get(file);
      if (!titles) {
        problems.push(`${hazard.id}: ${file} does not exist (renamed or deleted?)`);
        continue;
      }
      const found = titles.filter((test) => test.title === title);
      if (!found.length) problems.push(`${hazard.id}: ${file} has no test titled "${title}"`);
      else if (found.length > 1) problems.push(`${hazard.id}: ${file} has ${found.length} tests titled "${title}"`);
      else if (!new RegExp(`\\b${hazard.id}\\b`).test(markedIds(readFile(file)!, found[0]!))) {
        problems.push(`${hazard.id}: "${title}" in ${file} should say ${hazard.id} in its title or in a comment directly above it`);
      }
    }
  }
  problems.push(...checkSummaryTable(markdown, hazards, 'The hazard log'));
  return problems;
}

const SUMMARY_ROW = /^\|\s*(H\d{2})\s*\|[^|]*\|\s*([1-5])\s*\|\s*([1-5])\s*\|/;

/**
 * A summary table (rows "| H01 | … | <initial risk> | <residual risk> |") must list every
 * hazard once, with the ratings the log gives it.
 */
export function checkSummaryTable(markdown: string, hazards: Hazard[], document: string): string[] {
  const problems: string[] = [];
  const rows = markdown.split(/\r?\n/).flatMap((line) => {
    const match = SUMMARY_ROW.exec(line);
    return match ? [{ id: match[1]!, initial: Number(match[2]), residual: Number(match[3]) }] : [];
  });
  for (const hazard of hazards) {
    const row = rows.filter((r) => r.id === hazard.id);
    if (row.length !== 1) problems.push(`${document}'s summary table lists ${hazard.id} ${row.length} times, not once`);
    else if (!hazard.initial || !hazard.residual) continue; // its ratings are already reported as unreadable
    else if (row[0]!.initial !== hazard.initial?.risk || row[0]!.residual !== hazard.residual?.risk) {
      problems.push(`${document}'s summary table gives ${hazard.id} ${row[0]!.initial} → ${row[0]!.residual}, the log ${hazard.initial?.risk} → ${hazard.residual?.risk}`);
    }
  }
  for (const row of rows) if (!hazards.some((hazard) => hazard.id === row.id)) problems.push(`${document}'s summary table lists ${row.id}, which the log does not have`);
  return problems;
}
