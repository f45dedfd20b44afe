import type { FastifyInstance } from 'fastify';
import { instantToLocal, type ReportQuery, type ReportResponse } from '../../shared/index.js';
import { reportQuerySchema } from '../../shared/admin-schemas.js';
import type { AppContext } from '../context.js';
import { buildReport, rangeInstants, reportCsv, reportCsvFilename, ReportRangeError, resolveRange } from '../reports/index.js';
import { findReportScope, reportFeedback, reportVisits } from '../store/reports.js';
import { HttpError, parseOr400 } from './errors.js';

const NO_HOSPITAL = 'There is no hospital with that id.';
const NO_WARD = 'There is no ward with that id in the hospital chosen.';
const NO_WARD_ANYWHERE = 'There is no ward with that id.';

/**
 * Reports for the trust admin area: counts and call minutes by day for all wards, one
 * hospital's or one ward's, as JSON for the page and as CSV for a spreadsheet. Only admins
 * reach these (the access hook refuses anyone else first), and nothing here is personal data.
 */
export function registerAdminReportRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/api/admin/reports', { config: { access: 'admin' } }, async (request): Promise<ReportResponse> => {
    return report(context, parseOr400(reportQuerySchema, request.query));
  });

  app.get('/api/admin/reports.csv', { config: { access: 'admin' } }, async (request, reply) => {
    const answer = await report(context, parseOr400(reportQuerySchema, request.query));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${reportCsvFilename(answer)}"`)
      .send(reportCsv(answer));
  });
}

async function report(context: AppContext, query: ReportQuery): Promise<ReportResponse> {
  const { timeZone } = context.config;
  const range = rangeOr400(query, instantToLocal(context.now(), timeZone).date);
  const lookup = await findReportScope(context.db, query);
  if (!lookup.found) {
    const message = lookup.missing === 'hospital' ? NO_HOSPITAL : query.hospitalId ? NO_WARD : NO_WARD_ANYWHERE;
    throw new HttpError(404, 'not_found', message);
  }
  const { start, end } = rangeInstants(range, timeZone);
  const [visits, feedback] = await Promise.all([
    reportVisits(context.db, lookup.scope, start, end),
    reportFeedback(context.db, lookup.scope, range.from, range.to),
  ]);
  return buildReport({ range, timeZone, scope: lookup.name, visits, feedback });
}

function rangeOr400(query: ReportQuery, today: string) {
  try {
    return resolveRange(query, today);
  } catch (error) {
    if (error instanceof ReportRangeError) throw new HttpError(400, 'invalid_request', error.message);
    throw error;
  }
}
