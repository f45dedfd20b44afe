import {
  addDays,
  bookingProblems,
  canCancel,
  canChange,
  localToInstant,
  tidyBooking,
  type ApiErrorCode,
  type BookingFields,
  type Command,
  type FieldProblem,
  type Visit,
} from '../../shared/index.js';
import type { VisitDetails } from '../store/visits.js';

/** What a command should do, decided from data alone so every rule is unit-tested without I/O. */
export type Plan =
  | { kind: 'create'; visits: (VisitDetails & { id: string })[] }
  | { kind: 'update'; visit: Visit; details: Partial<VisitDetails> }
  | { kind: 'refuse'; refusal: Refusal };

export interface Refusal {
  status: 400 | 404 | 409;
  code: ApiErrorCode;
  message: string;
  fields?: FieldProblem[];
  visit?: Visit;
}

export interface PlanContext {
  now: Date;
  timeZone: string;
}

function refuse(refusal: Refusal): Plan {
  return { kind: 'refuse', refusal };
}

const NOT_FOUND: Refusal = { status: 404, code: 'not_found', message: 'There is no visit with that id on this ward.' };

function invalidBooking(fields: FieldProblem[]): Plan {
  return refuse({ status: 400, code: 'invalid_booking', message: fields.map((p) => p.message).join('. '), fields });
}

/**
 * The booked visits a booking makes: one a day at the same local time, for repeatDays days,
 * with the ids the tablet chose for them.
 */
function bookedVisits(fields: BookingFields, visitIds: readonly string[], context: PlanContext, rebookOf: string | null): Plan {
  const tidy = tidyBooking(fields);
  const problems = bookingProblems(tidy, context.now, context.timeZone);
  if (problems.length > 0) return invalidBooking(problems);
  if (visitIds.length !== tidy.repeatDays || new Set(visitIds).size !== visitIds.length) {
    return refuse({ status: 400, code: 'invalid_request', message: 'The request is not valid: visitIds must hold one new id for each day.' });
  }
  const visits: (VisitDetails & { id: string })[] = [];
  for (let day = 0; day < tidy.repeatDays; day++) {
    const startsAt = localToInstant({ date: addDays(tidy.date, day), time: tidy.time }, context.timeZone);
    // A later day can land in the hour the clocks skip; say which day rather than guess.
    if (!startsAt) {
      return invalidBooking([
        { field: 'repeatDays', message: `The clocks go forward on ${addDays(tidy.date, day)}, so ${tidy.time} does not exist that day` },
      ]);
    }
    visits.push({ id: visitIds[day]!, ...detailsFrom(tidy, startsAt), status: 'booked', cancel_reason: null, rebook_of: rebookOf });
  }
  return { kind: 'create', visits };
}

function detailsFrom(fields: BookingFields, startsAt: Date) {
  return {
    starts_at: startsAt.toISOString(),
    length_minutes: fields.lengthMinutes,
    patient_name: fields.patientName,
    bed: fields.bed,
    visitor_name: fields.visitorName,
    visitor_mobile: fields.visitorMobile,
    visitor_email: fields.visitorEmail,
  };
}

/** Says in plain words what happened on another tablet since this one last looked. */
export function conflictMessage(current: Visit): string {
  if (current.status === 'cancelled') return 'This visit was cancelled on another tablet.';
  return 'This visit was changed on another tablet. Check the details and try again.';
}

export function planCommand(command: Command, existing: Visit | undefined, context: PlanContext): Plan {
  if (command.type === 'book') return bookedVisits(command.fields, command.visitIds, context, null);
  if (!existing) return refuse(NOT_FOUND);
  // Rebooking copies details into a new visit; it never changes the old one, so it cannot conflict.
  if (command.type === 'rebook') return bookedVisits(command.fields, command.visitIds, context, existing.id);
  if (command.baseVersion !== existing.version) {
    return refuse({ status: 409, code: 'conflict', message: conflictMessage(existing), visit: existing });
  }
  if (command.type === 'cancel') {
    if (!canCancel(existing)) {
      return refuse({ status: 409, code: 'not_allowed', message: `This visit is ${existing.status} and can no longer be cancelled.`, visit: existing });
    }
    return { kind: 'update', visit: existing, details: { status: 'cancelled', cancel_reason: command.reason.trim() } };
  }
  if (!canChange(existing, context.now)) {
    return refuse({ status: 409, code: 'not_allowed', message: 'This visit has started or closed, so it can no longer be changed.', visit: existing });
  }
  const planned = bookedVisits({ ...command.fields, repeatDays: 1 }, [existing.id], context, existing.rebookOf);
  if (planned.kind !== 'create') return planned;
  const { id: _same, status: _unchanged, cancel_reason: _none, rebook_of: _kept, ...details } = planned.visits[0]!;
  return { kind: 'update', visit: existing, details };
}
