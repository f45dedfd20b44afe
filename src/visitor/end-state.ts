/**
 * The end page's state, kept in this tab's sessionStorage so a reload after the call shows the
 * same page (issue 13): whether the visitor left by choice, and what became of the feedback
 * question. The key names no one and no visit: opening a link afresh clears it, and a tab's
 * storage goes when the tab closes. The server's answer still decides whether the visit is open.
 */

const KEY = 'wvv-visitor-end';

/**
 * asking: the question is showing. sent: counted. skipped: sent with no answer chosen, which
 * is fine. refused: the server said no for good, in its words. none: no question to ask.
 */
export type FeedbackStep =
  | { kind: 'asking' }
  | { kind: 'sent' }
  | { kind: 'skipped' }
  | { kind: 'refused'; message: string }
  | { kind: 'none' };

export interface EndState {
  /** The visitor pressed Leave (perhaps by mistake), rather than the ward ending the visit. */
  leftByChoice: boolean;
  feedback: FeedbackStep;
}

const KINDS = ['asking', 'sent', 'skipped', 'refused', 'none'];

function isEndState(value: unknown): value is EndState {
  if (typeof value !== 'object' || value === null) return false;
  const { leftByChoice, feedback } = value as Partial<EndState>;
  return typeof leftByChoice === 'boolean' && typeof feedback === 'object' && feedback !== null && KINDS.includes(feedback.kind);
}

// Storage can be switched off or full (some private modes): the page then just forgets, as before.
export function loadEndState(): EndState | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return isEndState(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveEndState(state: EndState): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Forgotten on reload, as before: nothing the visitor can do about it.
  }
}

export function clearEndState(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}
