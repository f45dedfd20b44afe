import { useEffect, useState } from 'preact/hooks';
import type { HospitalSummary, ReportQuery, ReportResponse } from '../../../shared/admin.js';
import { ErrorSummary, type Problem } from '../../../ui/index.js';
import { adminApi, problemText, reportQueryString } from '../../api.js';
import { useAdminScreen } from '../../admin-context.js';
import { AdminPage } from '../../AdminPage.js';
import { longDay } from '../../format.js';
import { paths } from '../../router.js';
import { LoadFailedScreen, LoadingScreen } from '../../ScreenParts.js';
import { useHospitals } from '../../use-hospitals.js';
import { queryFromSearch } from './report-query.js';
import { ReportFigures } from './ReportFigures.js';
import { ReportFilters } from './ReportFilters.js';

const TITLE = 'Reports';

type Answer = { report: ReportResponse | null; refusal: string | null; loading: boolean };

/**
 * Counts of visits by date range and by hospital or ward, never anyone's details. With no
 * dates chosen the server answers its default range (the last 30 days), and the form shows it.
 * While a new report loads, the last one stays on screen.
 */
export function Reports() {
  const [query, setQuery] = useState<ReportQuery>(() => queryFromSearch(location.search));
  const [hospitals, reloadHospitals] = useHospitals();
  const [answer, setAnswer] = useState<Answer>({ report: null, refusal: null, loading: true });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    setAnswer((last) => ({ ...last, loading: true }));
    adminApi.report(query).then(
      (report) => current && setAnswer({ report, refusal: null, loading: false }),
      (error: unknown) => current && setAnswer((last) => ({ report: last.report, refusal: problemText(error), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [query, round]);

  const show = (next: ReportQuery) => {
    // In the address too, so a reload or a bookmark shows the same report.
    history.replaceState(history.state, '', `${paths.reports}${reportQueryString(next)}`);
    setQuery(next);
    setRound((n) => n + 1);
  };

  if (hospitals.state === 'failed') return <LoadFailedScreen message={hospitals.message} onRetry={reloadHospitals} />;
  // A refused first query (a hand-made address, say) has no report to fall back on: start from the default.
  if (!answer.report && answer.refusal) return <LoadFailedScreen message={answer.refusal} onRetry={() => show({})} />;
  if (hospitals.state === 'loading' || !answer.report) return <LoadingScreen title={TITLE} />;
  return <ReportScreen hospitals={hospitals.data} report={answer.report} query={query} onShow={show} refusal={answer.refusal} loading={answer.loading} />;
}

interface ReportScreenProps {
  hospitals: HospitalSummary[];
  report: ReportResponse;
  query: ReportQuery;
  onShow: (query: ReportQuery) => void;
  refusal: string | null;
  loading: boolean;
}

function ReportScreen({ hospitals, report, query, onShow, refusal, loading }: ReportScreenProps) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const shownProblems = problems.length > 0 ? problems : refusal ? [{ message: refusal }] : [];
  const heading = useAdminScreen(TITLE, shownProblems.length > 0);
  // The CSV covers exactly the report on screen: its range and scope as the server answered them.
  const csv = `/api/admin/reports.csv${reportQueryString({ hospitalId: query.hospitalId, wardId: query.wardId, from: report.from, to: report.to })}`;
  return (
    <AdminPage>
      <ErrorSummary problems={shownProblems} />
      <h1 ref={heading}>
        {TITLE}
      </h1>
      <p class="nhsuk-body">Counts of visits and call time. Reports hold no patient's or visitor's details.</p>
      <ReportFilters hospitals={hospitals} shown={report} query={query} onShow={onShow} onProblems={setProblems} />
      <p class="nhsuk-body" aria-live="polite">
        {loading ? 'Getting the report…' : ''}
      </p>
      <section aria-labelledby="report-heading">
        <h2 class="nhsuk-heading-l" id="report-heading">
          {report.scope}
          <span class="nhsuk-caption-m nhsuk-caption--bottom">{`${longDay(report.from)} to ${longDay(report.to)}`}</span>
        </h2>
        <p class="nhsuk-body">
          <a href={csv} download>
            Download this report as a spreadsheet (CSV)
          </a>
        </p>
        <ReportFigures report={report} />
      </section>
    </AdminPage>
  );
}
