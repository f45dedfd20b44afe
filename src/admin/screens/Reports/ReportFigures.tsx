import { FEEDBACK_ANSWERS, FEEDBACK_LABELS, FEEDBACK_QUESTION } from '../../../shared/feedback.js';
import type { ReportResponse } from '../../../shared/admin.js';
import { SummaryList } from '../../../ui/SummaryList/index.js';
import { Table } from '../../../ui/Table/index.js';
import { count, dayWithWeekday } from '../../format.js';
import { VisitsChart } from './VisitsChart.js';

const minutes = (n: number) => count(n, 'minute', 'minutes');

/** The report's figures: totals, feedback, then visits per day as a chart and a table. */
export function ReportFigures({ report }: { report: ReportResponse }) {
  const { totals } = report;
  const feedbackTotal = FEEDBACK_ANSWERS.reduce((sum, answer) => sum + report.feedback[answer], 0);
  return (
    <>
      <h2 class="nhsuk-heading-m">Totals</h2>
      <SummaryList
        rows={[
          { key: 'Visits booked', value: String(totals.booked) },
          { key: 'Completed', value: String(totals.completed) },
          { key: 'Ended with nobody joined', value: String(totals.endedUnjoined) },
          { key: 'Cancelled', value: String(totals.cancelled) },
          { key: 'Missed', value: String(totals.missed) },
          { key: 'Total call time', value: minutes(totals.totalCallMinutes) },
          { key: 'Average call length', value: totals.averageCallMinutes === null ? 'No completed visits' : minutes(Math.round(totals.averageCallMinutes)) },
          { key: 'Reconnections', value: String(totals.reconnections) },
          { key: 'Time lost to connection problems', value: minutes(totals.outageMinutes) },
        ]}
      />

      <h2 class="nhsuk-heading-m">Visitor feedback</h2>
      <p class="nhsuk-body">{`Answers to "${FEEDBACK_QUESTION}" at the end of a visit: ${count(feedbackTotal, 'answer', 'answers')}.`}</p>
      <SummaryList rows={FEEDBACK_ANSWERS.map((answer) => ({ key: FEEDBACK_LABELS[answer], value: String(report.feedback[answer]) }))} />

      <h2 class="nhsuk-heading-m">Visits per day</h2>
      <VisitsChart days={report.days} />
      <Table
        id="report-days"
        caption="Figures for each day"
        captionSize="s"
        columns={[
          { label: 'Day' },
          { label: 'Booked', numeric: true },
          { label: 'Completed', numeric: true },
          { label: 'Nobody joined', numeric: true },
          { label: 'Cancelled', numeric: true },
          { label: 'Missed', numeric: true },
          { label: 'Call minutes', numeric: true },
        ]}
        rows={report.days.map((day) => [dayWithWeekday(day.day), day.booked, day.completed, day.endedUnjoined, day.cancelled, day.missed, day.callMinutes])}
      />
    </>
  );
}
