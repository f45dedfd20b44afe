import type { BookingFields } from '../../shared/index.js';
import { ErrorSummary, GuardedForm, useScreen, type Problem } from '../../ui/index.js';
import { BackLink } from '../../ui/BackLink/index.js';
import { SummaryList, type SummaryRow } from '../../ui/SummaryList/index.js';
import { longDate, minutes } from '../format.js';
import { FIELD_IDS } from './draft.js';

interface CheckAnswersProps {
  fields: BookingFields;
  problems: Problem[];
  onBack: () => void;
  /** Back to the form with the cursor in this box. */
  onChange: (fieldId: string) => void;
  onConfirm: () => Promise<void>;
}

const NOT_GIVEN = 'Not given';

export function CheckAnswers({ fields, problems, onBack, onChange, onConfirm }: CheckAnswersProps) {
  const heading = useScreen('Check your answers');
  const change = (field: keyof BookingFields) => ({
    href: `#${FIELD_IDS[field]}`,
    onClick: (event: MouseEvent) => {
      event.preventDefault();
      onChange(FIELD_IDS[field]);
    },
  });
  const rows: SummaryRow[] = [
    { key: "Patient's name", value: fields.patientName, change: change('patientName') },
    { key: 'Bed', value: fields.bed ?? NOT_GIVEN, change: change('bed') },
    { key: "Visitor's name", value: fields.visitorName, change: change('visitorName') },
    { key: "Visitor's mobile", value: fields.visitorMobile ?? NOT_GIVEN, change: change('visitorMobile') },
    { key: "Visitor's email", value: fields.visitorEmail ?? NOT_GIVEN, change: change('visitorEmail') },
    { key: 'Date', value: longDate(fields.date), change: change('date') },
    { key: 'Time', value: fields.time, change: change('time') },
    { key: 'Length', value: minutes(fields.lengthMinutes), change: change('lengthMinutes') },
    { key: 'Repeat', value: fields.repeatDays > 1 ? `Every day for ${fields.repeatDays} days` : 'Just this day', change: change('repeatDays') },
  ];
  return (
    <>
      <BackLink
        href="#"
        onClick={(event) => {
          event.preventDefault();
          onBack();
        }}
      />
      <ErrorSummary problems={problems} />
      <h1 ref={heading}>
        Check your answers
      </h1>
      <SummaryList rows={rows} />
      <GuardedForm onSubmit={onConfirm} submit="Book visit">
        {null}
      </GuardedForm>
    </>
  );
}
