import type { FastifyInstance } from 'fastify';
import {
  tidyWardPhone,
  wardPhoneProblem,
  type WardPinAnswer,
  type WardSummary,
} from '../../shared/index.js';
import { emptyBodySchema, newWardSchema, pinResetSchema, recordIdSchema, wardChangeSchema } from '../../shared/admin-schemas.js';
import { generatePin, pinTooEasy } from '../admin/ward-pins.js';
import type { AppContext } from '../context.js';
import { hashSecret } from '../security/secret-hash.js';
import { recordAudit } from '../store/audit-log.js';
import { findWardSummary, insertWard, setWardArchived, setWardPinHash, updateWard, wardCodeTaken } from '../store/hospitals.js';
import { endWardSessions } from '../store/sessions.js';
import { canonicalWardCode } from '../store/wards.js';
import { signedInAdmin } from './access.js';
import { HttpError, parseOr400 } from './errors.js';
import { hospitalOr404 } from './admin-hospital-routes.js';

type WardParams = { Params: { id: string } };
const EASY_PIN = 'Choose a PIN that is not one digit repeated or a run like 123456. Leave it empty to have one made up.';

async function wardOr404(context: AppContext, id: string): Promise<WardSummary> {
  const ward = recordIdSchema.safeParse(id).success ? await findWardSummary(context.db, id) : undefined;
  if (!ward) throw new HttpError(404, 'not_found', 'There is no ward with that id.');
  return ward;
}

async function refuseTakenCode(context: AppContext, code: string, exceptWardId?: string): Promise<void> {
  if (await wardCodeTaken(context.db, code, exceptWardId)) throw new HttpError(409, 'conflict', `Another ward already uses the code ${code}. Choose a different code.`);
}

/**
 * The phone number to store: tidied, or null for none ("" or null). Undefined when the
 * request did not mention it. A number families could not dial is refused in words.
 */
function checkedPhone(typed: string | null | undefined): string | null | undefined {
  if (typed === undefined) return undefined;
  const phone = tidyWardPhone(typed ?? '');
  if (phone === '') return null;
  const problem = wardPhoneProblem(phone);
  if (problem) throw new HttpError(400, 'invalid_request', `${problem}.`);
  return phone;
}

/** The audit log's words for a changed phone number (not personal data: it is the ward's). */
function phoneChange(before: string | null, after: string | null | undefined): string | false {
  if (after === undefined || after === before) return false;
  if (before === null) return `Phone number ${after} added`;
  if (after === null) return `Phone number ${before} removed`;
  return `Phone number ${before} to ${after}`;
}

/** The PIN to set: the one typed, or one made up (and answered once). */
async function chosenPin(typed: string | undefined): Promise<{ pinHash: string; generatedPin?: string }> {
  if (typed !== undefined && pinTooEasy(typed)) throw new HttpError(400, 'invalid_request', EASY_PIN);
  const pin = typed ?? generatePin();
  return { pinHash: await hashSecret(pin), ...(typed === undefined && { generatedPin: pin }) };
}

export function registerAdminWardRoutes(app: FastifyInstance, context: AppContext): void {
  app.post('/api/admin/wards', { config: { access: 'admin' } }, async (request, reply): Promise<WardPinAnswer> => {
    const actor = signedInAdmin(request);
    const body = parseOr400(newWardSchema, request.body);
    const hospital = await hospitalOr404(context, body.hospitalId);
    const code = canonicalWardCode(body.code);
    const phone = checkedPhone(body.phone) ?? null;
    await refuseTakenCode(context, code);
    const { pinHash, generatedPin } = await chosenPin(body.pin);
    const now = context.now();
    const wardId = await context.db.transaction().execute(async (trx) => {
      const id = await insertWard(trx, { hospitalId: hospital.id, name: body.name, code, pinHash, phone }, now);
      const detail = phone ? `Code ${code}; phone number ${phone}` : `Code ${code}`;
      await recordAudit(trx, actor, { action: 'ward.created', hospitalId: hospital.id, wardId: id, detail }, now);
      return id;
    });
    reply.code(201);
    return { ward: (await findWardSummary(context.db, wardId))!, signedOut: 0, ...(generatedPin && { generatedPin }) };
  });

  app.patch<WardParams>('/api/admin/wards/:id', { config: { access: 'admin' } }, async (request): Promise<WardSummary> => {
    const actor = signedInAdmin(request);
    const ward = await wardOr404(context, request.params.id);
    const change = parseOr400(wardChangeSchema, request.body);
    const code = change.code === undefined ? undefined : canonicalWardCode(change.code);
    const phone = checkedPhone(change.phone);
    if (code !== undefined) await refuseTakenCode(context, code, ward.id);
    if (change.hospitalId !== undefined) await hospitalOr404(context, change.hospitalId);
    const now = context.now();
    const said = [
      change.name !== undefined && change.name !== ward.name && `Name "${ward.name}" to "${change.name}"`,
      code !== undefined && code !== ward.code && `Code ${ward.code} to ${code}`,
      change.hospitalId !== undefined && change.hospitalId !== ward.hospitalId && 'Moved to another hospital',
      phoneChange(ward.phone, phone),
    ].filter(Boolean);
    await context.db.transaction().execute(async (trx) => {
      const { phone: _typed, ...rest } = change;
      await updateWard(trx, ward.id, { ...rest, ...(code !== undefined && { code }), ...(phone !== undefined && { phone }) });
      await recordAudit(trx, actor, { action: 'ward.changed', hospitalId: change.hospitalId ?? ward.hospitalId, wardId: ward.id, detail: said.join('; ') || 'Nothing changed' }, now);
    });
    return (await findWardSummary(context.db, ward.id))!;
  });

  // A new PIN signs out every tablet of the ward, as `npm run revoke-sessions` does.
  app.post<WardParams>('/api/admin/wards/:id/pin', { config: { access: 'admin' } }, async (request): Promise<WardPinAnswer> => {
    const actor = signedInAdmin(request);
    const ward = await wardOr404(context, request.params.id);
    const { pin } = parseOr400(pinResetSchema, request.body);
    const { pinHash, generatedPin } = await chosenPin(pin);
    const now = context.now();
    const signedOut = await context.db.transaction().execute(async (trx) => {
      await setWardPinHash(trx, ward.id, pinHash);
      const ended = await endWardSessions(trx, ward.id, now);
      await recordAudit(trx, actor, { action: 'ward.pin-reset', hospitalId: ward.hospitalId, wardId: ward.id, detail: `${ended} tablet ${ended === 1 ? 'session' : 'sessions'} signed out` }, now);
      return ended;
    });
    return { ward, signedOut, ...(generatedPin && { generatedPin }) };
  });

  for (const archive of [true, false]) {
    app.post<WardParams>(`/api/admin/wards/:id/${archive ? 'archive' : 'unarchive'}`, { config: { access: 'admin' } }, async (request): Promise<WardPinAnswer> => {
      const actor = signedInAdmin(request);
      const ward = await wardOr404(context, request.params.id);
      parseOr400(emptyBodySchema, request.body);
      const now = context.now();
      const signedOut = await context.db.transaction().execute(async (trx) => {
        await setWardArchived(trx, ward.id, archive ? now : null);
        const ended = archive ? await endWardSessions(trx, ward.id, now) : 0;
        await recordAudit(trx, actor, { action: archive ? 'ward.archived' : 'ward.unarchived', hospitalId: ward.hospitalId, wardId: ward.id, detail: archive ? `${ended} tablet ${ended === 1 ? 'session' : 'sessions'} signed out` : null }, now);
        return ended;
      });
      return { ward: (await findWardSummary(context.db, ward.id))!, signedOut };
    });
  }
}
