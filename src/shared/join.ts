import { visitEndsAt, type Visit } from './visit.js';

/** A visitor may open the call page this long before the visit's time. */
export const JOIN_OPENS_MINUTES_BEFORE = 15;
/** A visit never started stays joinable this long after its slot ends, then counts as missed. */
export const JOIN_GRACE_MINUTES_AFTER_END = 30;

export type JoinState = 'open' | 'too-early' | 'cancelled' | 'ended';

/** Whether a join link works now: from booking until the visit ends or is cancelled. */
export function joinState(visit: Pick<Visit, 'status' | 'startsAt' | 'lengthMinutes'>, now: Date): JoinState {
  if (visit.status === 'cancelled') return 'cancelled';
  if (visit.status === 'completed' || visit.status === 'missed') return 'ended';
  if (visit.status === 'ready' || visit.status === 'in-progress') return 'open';
  if (now.getTime() > visitEndsAt(visit).getTime() + JOIN_GRACE_MINUTES_AFTER_END * 60_000) return 'ended';
  if (now.getTime() < joinOpensAt(visit).getTime()) return 'too-early';
  return 'open';
}

export function joinOpensAt(visit: Pick<Visit, 'startsAt'>): Date {
  return new Date(Date.parse(visit.startsAt) - JOIN_OPENS_MINUTES_BEFORE * 60_000);
}

/** Whom a family can ask about their visit: named on every visitor page that knows the visit. */
export interface WardContact {
  hospital: string;
  ward: string;
  /** The ward's phone number for families, as the trust admin wrote it; null when not given. */
  wardPhone: string | null;
}

/** What the visitor's page is told about the visit behind a working link: no personal data. */
export interface JoinInfo extends WardContact {
  state: 'open' | 'too-early';
  startsAt: string;
  lengthMinutes: number;
  /** When the page will let the visitor in, if it is too early. */
  opensAt: string;
  timeZone: string;
}

/**
 * What the page of a link to a cancelled or ended visit is told, with the 410 refusal: when
 * the visit was, and whom to ask. No personal data, and no cancel reason (staff wrote it for
 * staff).
 */
export interface ClosedVisitInfo extends WardContact {
  state: 'cancelled' | 'ended';
  startsAt: string;
  timeZone: string;
  /**
   * The visitor's own session may still answer the end page's question: a call happened and
   * the feedback window is open. Always false for a link opened afresh, which has no session.
   */
  feedbackOpen: boolean;
}

/** What a visitor the ward turned away is told, wherever they try to come back. */
export const TURNED_AWAY_MESSAGE = 'The ward has not let you in to this visit. If you think this is a mistake, phone the ward.';

/** What staff are given to share. */
export interface JoinLink {
  url: string;
}
