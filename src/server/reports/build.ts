import {
  FEEDBACK_ANSWERS,
  instantToLocal,
  type FeedbackAnswer,
  type ReportDay,
  type ReportResponse,
  type ReportTotals,
} from '../../shared/index.js';
import { addVisit, emptyTally, type ReportVisit, type Tally } from './figures.js';
import { daysOf, type ReportRange } from './range.js';
import { presentMinutes } from './rounding.js';

/** Feedback as the store sums it: how many of an answer, over the range and scope. */
export interface FeedbackTotal {
  answer: string;
  count: number;
}

export interface ReportInput {
  range: ReportRange;
  /** The hospital's time zone: a visit belongs to the local day its slot starts on. */
  timeZone: string;
  scope: string;
  visits: readonly ReportVisit[];
  feedback: readonly FeedbackTotal[];
}

/**
 * The report for a range: one entry for every day of it (days with no visits show zeros, so
 * a chart or spreadsheet has no gaps), totals over them all, and feedback by answer.
 */
export function buildReport(input: ReportInput): ReportResponse {
  const tallies = new Map(daysOf(input.range).map((day) => [day, emptyTally()] as const));
  const total = emptyTally();
  for (const visit of input.visits) {
    const tally = tallies.get(instantToLocal(new Date(visit.starts_at), input.timeZone).date);
    // The store asks for the range's instants only; anything else is not this report's.
    if (!tally) continue;
    addVisit(tally, visit);
    addVisit(total, visit);
  }
  return {
    from: input.range.from,
    to: input.range.to,
    scope: input.scope,
    totals: presentTotals(total),
    days: [...tallies].map(([day, tally]) => presentDay(day, tally)),
    feedback: feedbackByAnswer(input.feedback),
  };
}

function presentDay(day: string, tally: Tally): ReportDay {
  return {
    day,
    booked: tally.booked,
    completed: tally.completed,
    cancelled: tally.cancelled,
    missed: tally.missed,
    endedUnjoined: tally.endedUnjoined,
    callMinutes: presentMinutes(tally.callMs),
    reconnections: tally.reconnections,
    outageMinutes: presentMinutes(tally.outageMs),
  };
}

function presentTotals(tally: Tally): ReportTotals {
  return {
    booked: tally.booked,
    completed: tally.completed,
    cancelled: tally.cancelled,
    missed: tally.missed,
    endedUnjoined: tally.endedUnjoined,
    totalCallMinutes: presentMinutes(tally.callMs),
    averageCallMinutes: tally.completed === 0 ? null : presentMinutes(tally.callMs / tally.completed),
    reconnections: tally.reconnections,
    outageMinutes: presentMinutes(tally.outageMs),
  };
}

/** Every answer the question offers, zero when nobody gave it; anything else stored is ignored. */
function feedbackByAnswer(totals: readonly FeedbackTotal[]): Record<FeedbackAnswer, number> {
  const counts = Object.fromEntries(FEEDBACK_ANSWERS.map((answer) => [answer, 0])) as Record<FeedbackAnswer, number>;
  for (const { answer, count } of totals) {
    if ((FEEDBACK_ANSWERS as readonly string[]).includes(answer)) counts[answer as FeedbackAnswer] += count;
  }
  return counts;
}
