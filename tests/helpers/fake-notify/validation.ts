import { NotifyError } from './errors.js';
import { pythonRepr, pythonUuid, withoutQuotes } from './python-values.js';
import { InvalidPhone, isEmailAddress, parsePhone } from './recipients.js';

/**
 * Notify's JSON-schema checks of a request (app/v2/notifications/notification_schemas.py),
 * worded as its jsonschema errors come out of app/schema_validation/__init__.py: "<field>
 * <problem>", every problem at once, in the schema's order, as 400 ValidationError.
 */
/** The problems with one field's value, worded after the field name; none is null. */
type Check = (value: unknown) => string | string[] | null;

const typeName = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
const notOfType = (value: unknown, types: string) => `${pythonRepr(value)} is not of type ${types}`;

// Definitions with a "validationMessage" answer only that, whatever failed (definitions.py).
const uuid: Check = (value) => (pythonUuid(value) ? null : 'is not a valid UUID');
const string: Check = (value) => (typeof value === 'string' ? null : notOfType(value, 'string'));
const object: Check = (value) => (typeName(value) === 'object' ? null : notOfType(value, 'object'));

const MAX_REFERENCE_LENGTH = 1_000;
const reference: Check = (value) =>
  typeof value !== 'string' ? notOfType(value, 'string') : value.length > MAX_REFERENCE_LENGTH ? `${pythonRepr(value)} is too long` : null;

// At this stage Notify lets international numbers and landlines pass; the service's own
// permissions are checked later (see send.ts).
const phoneNumber: Check = (value) => {
  if (typeof value !== 'string') return notOfType(value, 'string');
  try {
    parsePhone(value);
    return null;
  } catch (error) {
    if (error instanceof InvalidPhone) return error.message;
    throw error;
  }
};

const emailAddress: Check = (value) =>
  typeof value !== 'string' ? notOfType(value, 'string') : isEmailAddress(value) ? null : 'Not a valid email address';

const httpsUrl: Check = (value) =>
  typeof value === 'string' && /^https/.test(value) && URL.canParse(value) ? null : 'is not a valid https url';

// Scheduling is in Notify's schema but no longer acted on for texts and emails; only its type is checked.
const optionalDate: Check = (value) => (value === null || typeof value === 'string' ? null : notOfType(value, 'string, null'));
const optionalList: Check = (value) => (value === null || Array.isArray(value) ? null : notOfType(value, 'array, null'));

interface Schema {
  properties: Record<string, Check>;
  required: string[];
}

export const SMS_SCHEMA: Schema = {
  properties: {
    reference,
    phone_number: phoneNumber,
    template_id: uuid,
    personalisation: object,
    scheduled_for: optionalDate,
    sms_sender_id: uuid,
  },
  required: ['phone_number', 'template_id'],
};

export const EMAIL_SCHEMA: Schema = {
  properties: {
    reference,
    email_address: emailAddress,
    template_id: uuid,
    personalisation: object,
    scheduled_for: optionalDate,
    email_reply_to_id: uuid,
    one_click_unsubscribe_url: httpsUrl,
    sanitise_content_for: optionalList,
  },
  required: ['email_address', 'template_id'],
};

const STATUSES = [
  'cancelled', 'created', 'sending', 'sent', 'delivered', 'pending', 'failed', 'technical-failure',
  'temporary-failure', 'permanent-failure', 'pending-virus-check', 'validation-failed',
  'virus-scan-failed', 'returned-letter', 'accepted', 'received',
];
const TEMPLATE_TYPES = ['sms', 'email', 'letter'];
const oneOf = (allowed: string[]): Check => (value) =>
  typeof value === 'string' && allowed.includes(value) ? null : `${pythonRepr(value)} is not one of ${pythonRepr(allowed)}`;
const everyItem = (check: Check): Check => (value) => (Array.isArray(value) ? value : [value]).flatMap((item) => check(item) ?? []);

/** GET /v2/notifications: its query string, as Flask's `args.to_dict(flat=False)` shapes it. */
export const LIST_SCHEMA: Schema = {
  properties: {
    reference: string,
    status: everyItem(oneOf(STATUSES)),
    template_type: everyItem(oneOf(TEMPLATE_TYPES)),
    include_jobs: oneOf(['true', 'True']),
    older_than: uuid,
  },
  required: [],
};

/** Throws Notify's 400 ValidationError listing every problem, or returns the body as an object. */
export function validate(body: unknown, schema: Schema): Record<string, unknown> {
  if (typeName(body) !== 'object') throw validationError([notOfType(body, 'object')]);
  const fields = body as Record<string, unknown>;
  const problems: string[] = [];
  for (const [name, check] of Object.entries(schema.properties)) {
    if (!Object.hasOwn(fields, name)) continue;
    for (const problem of [check(fields[name]) ?? []].flat()) problems.push(`${name} ${problem}`);
  }
  for (const name of schema.required) if (!Object.hasOwn(fields, name)) problems.push(`${name} is a required property`);
  const extras = Object.keys(fields).filter((name) => !Object.hasOwn(schema.properties, name)).sort();
  if (extras.length > 0) {
    problems.push(`Additional properties are not allowed (${extras.map(pythonRepr).join(', ')} ${extras.length === 1 ? 'was' : 'were'} unexpected)`);
  }
  if (problems.length > 0) throw validationError(problems);
  return fields;
}

function validationError(problems: string[]): NotifyError {
  const messages = [...new Set(problems.map(withoutQuotes))];
  return new NotifyError(400, messages.map((message) => ({ error: 'ValidationError', message })));
}
