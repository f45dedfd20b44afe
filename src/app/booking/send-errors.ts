import type { FieldProblem } from '../../shared/index.js';
import type { Problem } from '../../ui/index.js';
import { FIELD_IDS } from './draft.js';

export function fieldProblemsToSummary(problems: readonly FieldProblem[]): Problem[] {
  return problems.map((p) => ({ href: FIELD_IDS[p.field], message: p.message }));
}

/**
 * A change is saved on the tablet before it is sent, so the only failure a screen sees is the
 * device's storage refusing it (full, or private browsing). The server's answers arrive later,
 * on the visit itself.
 */
export function notSavedProblem(error: unknown): Problem {
  const reason = error instanceof Error ? ` (${error.message})` : '';
  return { message: `This change could not be saved on this tablet. Try again${reason}.` };
}
