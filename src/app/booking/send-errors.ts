import type { FieldProblem } from '../../shared/index.js';
import type { Problem } from '../../ui/index.js';
import { ApiError } from '../../visits/index.js';
import { navigate } from '../router.js';
import { FIELD_IDS } from './draft.js';

export function fieldProblemsToSummary(problems: readonly FieldProblem[]): Problem[] {
  return problems.map((p) => ({ href: FIELD_IDS[p.field], message: p.message }));
}

export type SendOutcome = { kind: 'fields'; fields: FieldProblem[] } | { kind: 'problem'; message: string } | { kind: 'left' };

/**
 * What a refused or failed command means for the screen. A conflict or refusal about an
 * existing visit goes to that visit's page, which shows the server's words and the visit
 * as the server now has it (the store has already taken that version).
 */
export function outcomeOfSendError(error: unknown, visitId?: string): SendOutcome {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_booking' && error.fields?.length) return { kind: 'fields', fields: error.fields };
    if (visitId && (error.code === 'conflict' || error.code === 'not_allowed' || error.code === 'not_found')) {
      navigate(`/visits/${visitId}`, { state: { problem: error.message } });
      return { kind: 'left' };
    }
  }
  return { kind: 'problem', message: error instanceof Error ? error.message : String(error) };
}

/** A refusal is final for that key; a network failure is retried with the same key. */
export function keyIsSpent(error: unknown): boolean {
  return error instanceof ApiError;
}
