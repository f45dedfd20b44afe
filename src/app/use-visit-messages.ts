import { useEffect, useState } from 'preact/hooks';
import type { VisitMessages } from '../shared/index.js';
import { ApiError, NetworkError, newIdempotencyKey, type ListedVisit } from '../visits/index.js';
import { api } from './api.js';
import { RESEND_DONE, RESEND_OFFLINE } from './message-words.js';
import { useVisitState, useWard } from './ward-context.js';

export type MessageView =
  | { kind: 'not-set-up' }
  /** A booking still only on this tablet: the server has queued nothing yet. */
  | { kind: 'not-sent-yet' }
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'shown'; messages: VisitMessages };

export interface VisitMessagesState {
  view: MessageView;
  /** "Send the link again": one resend per call (a new key each tap; the button guards double taps). */
  resend(): Promise<void>;
  /** Said in a live region after a resend. */
  said: string;
  /** A refusal in the server's words, for the page's error summary. */
  problem: string | null;
}

/**
 * Where the visitor's texts and emails are, read from the server when the page opens, when
 * the visit changes (a command queues messages), when the tablet is back online, and when the
 * ward's socket says this visit's messages moved. Live only: never put on the device, so
 * offline the page says it will show once online rather than showing something stale.
 */
export function useVisitMessages(visit: ListedVisit): VisitMessagesState {
  const { session, store, messages: changes } = useWard();
  const { online } = useVisitState(store);
  // A session kept on the device by an older build has no `messaging`: treat it as not set up.
  const messaging = session.messaging === true;
  const unsentBooking = visit.unsent !== undefined && visit.version === 1;
  // Kept with the visit it is for, so another visit's page never shows it.
  const [answer, setAnswer] = useState<{ visitId: string; messages: VisitMessages } | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [asks, setAsks] = useState(0);
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const askAgain = () => setAsks((n) => n + 1);

  useEffect(() => changes.subscribe((visitId) => (visitId === null || visitId === visit.id) && askAgain()), [changes, visit.id]);

  useEffect(() => {
    if (!messaging || unsentBooking || !online) return;
    let current = true;
    api.getVisitMessages(visit.id).then(
      (messages) => {
        if (!current) return;
        setAnswer({ visitId: visit.id, messages });
        setUnreachable(false);
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof NetworkError) return setUnreachable(true);
        if (!(error instanceof ApiError)) throw error;
        // The store hears it too and asks for the PIN; only other refusals are this page's to say.
        if (error.code === 'not_signed_in') void store.refresh();
        else setProblem(error.message);
      },
    );
    return () => {
      current = false;
    };
  }, [messaging, unsentBooking, online, visit.id, visit.version, asks, store]);

  const resend = async () => {
    setSaid('');
    try {
      const messages = await api.resendLink(visit.id, newIdempotencyKey());
      setAnswer({ visitId: visit.id, messages });
      setProblem(null);
      setSaid(RESEND_DONE);
    } catch (error) {
      // Refusals and lost connections are said in words; anything else is a bug, and not hidden.
      if (!(error instanceof ApiError || error instanceof NetworkError)) throw error;
      setProblem(error instanceof ApiError ? error.message : RESEND_OFFLINE);
      // What changed the server's mind (the visit ended, the resends ran out) shows too.
      askAgain();
    }
  };

  const shown = answer?.visitId === visit.id ? answer.messages : null;
  let view: MessageView;
  if (!messaging || shown?.enabled === false) view = { kind: 'not-set-up' };
  else if (unsentBooking) view = { kind: 'not-sent-yet' };
  else if (!online || unreachable) view = { kind: 'offline' };
  else if (!shown) view = { kind: 'loading' };
  else view = { kind: 'shown', messages: shown };
  return { view, resend, said, problem };
}
