import type { FastifyInstance } from 'fastify';
import { type HospitalListResponse, type HospitalSummary } from '../../shared/index.js';
import { hospitalSchema, recordIdSchema } from '../../shared/admin-schemas.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../store/audit-log.js';
import { createHospital, findHospital, listHospitalsWithWards, renameHospital } from '../store/hospitals.js';
import { signedInAdmin } from './access.js';
import { HttpError, parseOr400 } from './errors.js';

export const NO_HOSPITAL = 'There is no hospital with that id.';

/** The hospital an address names, or 404 in words. */
export async function hospitalOr404(context: AppContext, id: string) {
  const hospital = recordIdSchema.safeParse(id).success ? await findHospital(context.db, id) : undefined;
  if (!hospital) throw new HttpError(404, 'not_found', NO_HOSPITAL);
  return hospital;
}

export function registerAdminHospitalRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/api/admin/hospitals', { config: { access: 'admin' } }, async (): Promise<HospitalListResponse> => ({ hospitals: await listHospitalsWithWards(context.db) }));

  app.post('/api/admin/hospitals', { config: { access: 'admin' } }, async (request, reply): Promise<HospitalSummary> => {
    const actor = signedInAdmin(request);
    const { name } = parseOr400(hospitalSchema, request.body);
    const now = context.now();
    const hospital = await context.db.transaction().execute(async (trx) => {
      const made = await createHospital(trx, name, now);
      await recordAudit(trx, actor, { action: 'hospital.created', hospitalId: made.id, detail: `Named "${name}"` }, now);
      return made;
    });
    reply.code(201);
    return hospital;
  });

  app.patch<{ Params: { id: string } }>('/api/admin/hospitals/:id', { config: { access: 'admin' } }, async (request): Promise<HospitalSummary> => {
    const actor = signedInAdmin(request);
    const hospital = await hospitalOr404(context, request.params.id);
    const { name } = parseOr400(hospitalSchema, request.body);
    const now = context.now();
    await context.db.transaction().execute(async (trx) => {
      await renameHospital(trx, hospital.id, name);
      await recordAudit(trx, actor, { action: 'hospital.renamed', hospitalId: hospital.id, detail: `"${hospital.name}" to "${name}"` }, now);
    });
    const listed = (await listHospitalsWithWards(context.db)).find((h) => h.id === hospital.id)!;
    return listed;
  });
}
