import { z } from './zod.js';
import { PIN_MIN_DIGITS, WARD_CODE_MAX_LENGTH } from './limits.js';
import { WARD_PHONE_MAX_LENGTH } from './ward-phone.js';
import { ADMIN_EMAIL_MAX_LENGTH, HOSPITAL_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PIN_MAX_DIGITS, WARD_CODE_PATTERN, WARD_NAME_MAX_LENGTH } from './admin.js';

/**
 * The bodies and queries of /api/admin, checked by the server. Classic zod, which only the
 * server runs: this file is not in the shared index, so no page bundle holds it or zod's
 * `new Function` compiler (tests/e2e/no-eval-under-csp.test.ts). Pages import its types only.
 */

const email = z.string().trim().toLowerCase().max(ADMIN_EMAIL_MAX_LENGTH).pipe(z.email());
const password = z.string().max(PASSWORD_MAX_LENGTH);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Hospital, ward and admin ids in an address or a body. */
export const recordIdSchema = z.uuid();
const id = recordIdSchema;
const wardCode = z.string().trim().min(2).max(WARD_CODE_MAX_LENGTH).regex(WARD_CODE_PATTERN);
const pin = z.string().regex(new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`));
const name = (max: number) => z.string().trim().min(1).max(max);
/**
 * The ward's phone number for families. Only its type and a generous length here: the route
 * checks it with wardPhoneProblem, whose words say how to write it. Empty means "no number".
 */
const wardPhone = z.string().max(WARD_PHONE_MAX_LENGTH * 4);

/** POST /api/admin/setup: the token from a set-up link (it travels in the body, never an address) and the chosen password. */
export const adminSetupSchema = z.strictObject({ token: z.string().max(100), password });
/** POST /api/admin/session: step one of signing in. */
export const adminSignInSchema = z.strictObject({ email: z.string().max(ADMIN_EMAIL_MAX_LENGTH), password });
/** POST /api/admin/session/second-factor: a 6-digit code from the authenticator app, or a recovery code. */
export const secondFactorSchema = z.strictObject({ code: z.string().max(40) });
/** POST /api/admin/password */
export const passwordChangeSchema = z.strictObject({ currentPassword: password, newPassword: password });
/** POST /api/admin/admins: invite another admin. */
export const inviteAdminSchema = z.strictObject({ email });
/** POST /api/admin/hospitals, PATCH /api/admin/hospitals/:id */
export const hospitalSchema = z.strictObject({ name: name(HOSPITAL_NAME_MAX_LENGTH) });
/** POST /api/admin/wards. Without a PIN the server makes one up and answers it once. */
export const newWardSchema = z.strictObject({ hospitalId: id, name: name(WARD_NAME_MAX_LENGTH), code: wardCode, pin: pin.optional(), phone: wardPhone.optional() });
/** PATCH /api/admin/wards/:id. A phone of null or "" removes the ward's number. */
export const wardChangeSchema = z
  .strictObject({ hospitalId: id.optional(), name: name(WARD_NAME_MAX_LENGTH).optional(), code: wardCode.optional(), phone: wardPhone.nullable().optional() })
  .refine((change) => Object.keys(change).length > 0, 'Say what to change');
/** POST /api/admin/wards/:id/pin. Without a PIN the server makes one up and answers it once. */
export const pinResetSchema = z.strictObject({ pin: pin.optional() });
/** POST /api/admin/wards/:id/archive and /unarchive: nothing to say but the address; an empty JSON object. */
export const emptyBodySchema = z.strictObject({});
/** GET /api/admin/reports and /api/admin/reports.csv, as query parameters. Days are hospital-local, both included. */
export const reportQuerySchema = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  hospitalId: id.optional(),
  wardId: id.optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

