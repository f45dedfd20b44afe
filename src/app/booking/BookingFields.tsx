import type { BookingField } from '../../shared/index.js';
import { TextInput } from '../../ui/index.js';
import { DateInput } from '../../ui/DateInput/index.js';
import { DateShortcuts } from './DateShortcuts.js';
import { FIELD_IDS, type BookingDraft } from './draft.js';

export type FieldErrors = Partial<Record<BookingField, string>>;

interface BookingFieldsProps {
  draft: BookingDraft;
  onChange: (draft: BookingDraft) => void;
  errors: FieldErrors;
  /** Changing a visit cannot make it repeat. */
  showRepeat: boolean;
}

/** The boxes of a booking, in the order the booking rules report problems. */
export function BookingFieldInputs({ draft, onChange, errors, showRepeat }: BookingFieldsProps) {
  const text = (field: keyof BookingDraft) => (value: string) => onChange({ ...draft, [field]: value });
  return (
    <>
      <TextInput id={FIELD_IDS.patientName} label="Patient's name" value={draft.patientName} onInput={text('patientName')} error={errors.patientName} autoComplete="off" spellcheck={false} />
      <TextInput id={FIELD_IDS.bed} label="Bed (optional)" value={draft.bed} onInput={text('bed')} error={errors.bed} autoComplete="off" widthClass="nhsuk-input--width-10" />
      <TextInput id={FIELD_IDS.visitorName} label="Visitor's name" value={draft.visitorName} onInput={text('visitorName')} error={errors.visitorName} autoComplete="off" spellcheck={false} />
      <TextInput
        id={FIELD_IDS.visitorMobile}
        label="Visitor's mobile number (optional)"
        hint="For example, 07700 900982"
        type="tel"
        value={draft.visitorMobile}
        onInput={text('visitorMobile')}
        error={errors.visitorMobile}
        autoComplete="off"
        widthClass="nhsuk-input--width-20"
      />
      <TextInput
        id={FIELD_IDS.visitorEmail}
        label="Visitor's email address (optional)"
        type="email"
        value={draft.visitorEmail}
        onInput={text('visitorEmail')}
        error={errors.visitorEmail}
        autoComplete="off"
        spellcheck={false}
      />
      <DateInput
        id="date"
        legend="Date of the visit"
        hint={`For example, ${exampleDate()}. Up to a year from today.`}
        value={{ day: draft.day, month: draft.month, year: draft.year }}
        onInput={(date) => onChange({ ...draft, ...date })}
        error={errors.date}
      >
        <DateShortcuts draft={draft} onPick={(date) => onChange({ ...draft, ...date })} />
      </DateInput>
      {/* "decimal": a phone's number pad then has a "." key, and "9.30" is read as 09:30. */}
      <TextInput
        id={FIELD_IDS.time}
        label="Time"
        hint="For example, 9:30 or 14:30"
        value={draft.time}
        onInput={text('time')}
        error={errors.time}
        inputMode="decimal"
        autoComplete="off"
        widthClass="nhsuk-input--width-5"
      />
      <TextInput id={FIELD_IDS.lengthMinutes} label="Length in minutes" value={draft.lengthMinutes} onInput={text('lengthMinutes')} error={errors.lengthMinutes} inputMode="numeric" autoComplete="off" widthClass="nhsuk-input--width-3" />
      {showRepeat && (
        <TextInput
          id={FIELD_IDS.repeatDays}
          label="Repeat daily for (optional)"
          hint="Number of days, including this one. Leave blank for a single visit."
          value={draft.repeatDays}
          onInput={text('repeatDays')}
          error={errors.repeatDays}
          inputMode="numeric"
          autoComplete="off"
          widthClass="nhsuk-input--width-3"
        />
      )}
    </>
  );
}

const WEEK_MS = 7 * 86_400_000;

/** An example in the future, as the rules need, in the day-month-year order of the inputs. */
function exampleDate(): string {
  const example = new Date(Date.now() + WEEK_MS);
  return `${example.getDate()} ${example.getMonth() + 1} ${example.getFullYear()}`;
}
