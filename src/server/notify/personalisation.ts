import { addDays, dateWords, instantToLocal, lengthWords, visitDate, visitTime, type MessageKind } from '../../shared/index.js';
import type { VisitBehindLink } from '../store/visits.js';


/**
 * What a message says, filled in by Notify's template from these fields (docs/deploy.md lists
 * them, so a trust can write matching templates). Built when the message is sent, from the
 * visit as it is then, and never stored: names and the link stay in the visit's own row
 * (cleared by the retention job) and in the message Notify sends.
 */
export function personalisationFor(kind: MessageKind, found: VisitBehindLink, timeZone: string, link: string, coversDays = 1): Record<string, string> {
  const { visit } = found;
  // By the local date, so a change of clocks within the days cannot move it.
  const lastDate = addDays(instantToLocal(new Date(visit.startsAt), timeZone).date, coversDays - 1);
  const fields: Record<string, string> = {
    visitor_name: visit.visitorName ?? '',
    patient_name: visit.patientName ?? '',
    hospital_name: found.hospitalName,
    ward_name: found.wardName,
    visit_date: visitDate(visit.startsAt, timeZone),
    visit_time: visitTime(visit.startsAt, timeZone),
    visit_length: lengthWords(visit.lengthMinutes),
    // A repeat booking's one confirmation: "5" visits, the last on "Saturday 26 November".
    visit_count: String(coversDays),
    last_visit_date: dateWords(lastDate),
    // For Notify's optional content, ((repeats??…)): yes or no.
    repeats: coversDays > 1 ? 'yes' : 'no',
    // Notify's optional content, ((has_ward_phone??…)), needs yes or no.
    ward_phone: found.wardPhone ?? '',
    has_ward_phone: found.wardPhone ? 'yes' : 'no',
  };
  // Only the message that lets the family in carries the link.
  if (kind === 'ready') fields.link = link;
  return fields;
}
