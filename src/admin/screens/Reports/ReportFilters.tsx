import { useState } from 'preact/hooks';
import type { HospitalSummary, ReportQuery } from '../../../shared/admin.js';
import { GuardedForm, type Problem } from '../../../ui/index.js';
import { DateInput } from '../../../ui/DateInput/index.js';
import { Select } from '../../../ui/Select/index.js';
import { errorFor } from '../../ScreenParts.js';
import { partsOf, rangeOf, scopeChoices, scopeOf, scopeQuery } from './report-query.js';

export interface ReportFiltersProps {
  hospitals: readonly HospitalSummary[];
  /** The range the shown report covers (the server fills in a missing one). */
  shown: { from: string; to: string };
  query: ReportQuery;
  onShow: (query: ReportQuery) => void;
  /** Told the form's problems too: the screen shows them in its error summary, above its heading. */
  onProblems: (problems: Problem[]) => void;
}

/** The report's date range and what it covers: all wards, one hospital's or one ward's. */
export function ReportFilters({ hospitals, shown, query, onShow, onProblems }: ReportFiltersProps) {
  const [from, setFrom] = useState(() => partsOf(query.from ?? shown.from));
  const [to, setTo] = useState(() => partsOf(query.to ?? shown.to));
  const [scope, setScope] = useState(() => scopeOf(query));
  const [problems, setProblems] = useState<Problem[]>([]);
  const choices = scopeChoices(hospitals);

  const submit = () => {
    const range = rangeOf(from, to);
    setProblems(range.problems);
    onProblems(range.problems);
    if (range.problems.length > 0) return;
    onShow({ from: range.from, to: range.to, ...scopeQuery(scope) });
  };

  return (
    <GuardedForm onSubmit={submit} submit="Show report" variant="secondary">
      <div class="app-report-filters">
        <DateInput id="from" legend="From" hint="For example, 1 11 2026" value={from} onInput={setFrom} error={errorFor(problems, 'from-day')} />
        <DateInput id="to" legend="To" hint="For example, 30 11 2026" value={to} onInput={setTo} error={errorFor(problems, 'to-day')} />
      </div>
      <Select id="scope" label="Hospital or ward" value={scope} onChange={setScope} options={choices.options} groups={choices.groups} />
    </GuardedForm>
  );
}
