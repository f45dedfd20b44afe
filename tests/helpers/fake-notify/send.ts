import { badRequest, NotifyError } from './errors.js';
import { pythonUuid } from './python-values.js';
import { parsePhone, recipientKey } from './recipients.js';
import type { NotificationStore, NotificationType, StoredNotification } from './store.js';
import { EMAIL_SCHEMA, SMS_SCHEMA, validate } from './validation.js';

/**
 * POST /v2/notifications/sms and /email, in the order Notify checks (post_notification in
 * alphagov/notifications-api app/v2/notifications/post_notifications.py): JSON, schema,
 * template, personalisation, sender, recipient; then the notification exists and is answered.
 */
export interface FakeTemplate {
  type: NotificationType;
  /** With ((placeholders)) filled from the personalisation, as Notify does. */
  body?: string;
  subject?: string;
  version?: number;
}

export interface Refusal {
  status: number;
  error: string;
  message: string;
}

export interface SendContext {
  baseUrl: string;
  serviceId: string;
  store: NotificationStore;
  /** Canonical template id → template; undefined accepts any template id. */
  templates: Map<string, FakeTemplate> | undefined;
  smsSenders: Map<string, string>;
  emailReplyTo: Map<string, string>;
  internationalSms: boolean;
  refusals: Map<string, Refusal>;
}

/** A new service's text sender and its email domain, as Notify sets them up. */
const DEFAULT_SMS_SENDER = 'GOVUK';
const FROM_EMAIL = 'fake.notify.service@notifications.service.gov.uk';
const DEFAULT_SUBJECT = 'A message from the fake GOV.UK Notify';
/** SMS_CHAR_COUNT_LIMIT in notifications-utils: six fragments. */
const SMS_CHARACTER_LIMIT = 918;

function parseJson(raw: string): unknown {
  try {
    // Flask's `request.get_json(force=True) or {}`: any falsy JSON value reads as an empty object.
    return JSON.parse(raw) || {};
  } catch {
    throw badRequest('Invalid JSON supplied in POST data');
  }
}

function findTemplate(ctx: SendContext, id: string, type: NotificationType): FakeTemplate {
  if (!ctx.templates) return { type };
  const template = ctx.templates.get(id);
  if (!template) throw badRequest('Template not found');
  if (template.type !== type) throw badRequest(`${template.type} template is not suitable for ${type} notification`);
  return template;
}

// Notify matches placeholders to personalisation ignoring case, spaces, underscores and hyphens.
const placeholderKey = (name: string) => name.replace(/[\s_-]/g, '').toLowerCase();
const PLACEHOLDER = /\(\(([^()]+)\)\)/g;
const asText = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));

function render(template: FakeTemplate, id: string, personalisation: Record<string, unknown>) {
  const values = new Map(Object.entries(personalisation).map(([name, value]) => [placeholderKey(name), value]));
  const missing: string[] = [];
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values.get(placeholderKey(name));
      if (value === undefined || value === null) {
        if (!missing.includes(name)) missing.push(name);
        return whole;
      }
      return asText(value);
    });
  // Without a template body, the personalisation itself is the message, so tests can read it back.
  const lines = Object.entries(personalisation).map(([name, value]) => `${name}: ${asText(value)}`);
  const body = template.body === undefined ? lines.join('\n') || `Template ${id}` : fill(template.body);
  const subject = template.type === 'email' ? fill(template.subject ?? DEFAULT_SUBJECT) : null;
  if (missing.length > 0) throw badRequest(`Missing personalisation: ${missing.join(', ')}`);
  return { body, subject };
}

function senderFor(ctx: SendContext, type: NotificationType, form: Record<string, unknown>): string {
  const field = type === 'sms' ? 'sms_sender_id' : 'email_reply_to_id';
  const given = form[field];
  if (typeof given !== 'string') return type === 'sms' ? DEFAULT_SMS_SENDER : FROM_EMAIL;
  const sender = (type === 'sms' ? ctx.smsSenders : ctx.emailReplyTo).get(pythonUuid(given) ?? given);
  if (sender === undefined) throw badRequest(`${field} ${given} does not exist in database for service id ${ctx.serviceId}`);
  return type === 'sms' ? sender : FROM_EMAIL;
}

/**
 * The service's permissions: UK mobiles always, other countries only if allowed, landlines never.
 * Notify words a refusal by where the number is (validate_and_return_extended_phone_number_info).
 */
function checkRecipient(ctx: SendContext, type: NotificationType, to: string): void {
  const refusal = ctx.refusals.get(recipientKey(type, to));
  if (refusal) throw NotifyError.of(refusal.status, refusal.error, refusal.message);
  if (type !== 'sms') return;
  const phone = parsePhone(to);
  if ((phone.uk || ctx.internationalSms) && !phone.landline) return;
  if (phone.international) throw badRequest('Cannot send to international mobile numbers');
  throw NotifyError.of(400, 'InvalidPhoneError', 'Not a UK mobile number');
}

export function sendNotification(ctx: SendContext, type: NotificationType, rawBody: string): { body: object; notification: StoredNotification } {
  const form = validate(parseJson(rawBody), type === 'sms' ? SMS_SCHEMA : EMAIL_SCHEMA);
  const templateId = pythonUuid(form.template_id) ?? '';
  const template = findTemplate(ctx, templateId, type);
  const personalisation = (form.personalisation ?? {}) as Record<string, unknown>;
  const { body, subject } = render(template, templateId, personalisation);
  const sender = senderFor(ctx, type, form);
  const to = String(type === 'sms' ? form.phone_number : form.email_address);
  checkRecipient(ctx, type, to);
  if (type === 'sms' && body.length > SMS_CHARACTER_LIMIT) {
    throw badRequest(`Your message is too long. Text messages cannot be longer than ${SMS_CHARACTER_LIMIT} characters. Your message is ${body.length} characters long.`);
  }
  const unsubscribeUrl = typeof form.one_click_unsubscribe_url === 'string' ? form.one_click_unsubscribe_url : null;
  const notification = ctx.store.add({
    type,
    to,
    templateId,
    templateVersion: template.version ?? 1,
    personalisation: structuredClone(personalisation),
    reference: typeof form.reference === 'string' ? form.reference : null,
    body,
    subject,
    unsubscribeUrl,
  });
  const content =
    type === 'sms'
      ? { body, from_number: sender }
      : { from_email: sender, body, subject, one_click_unsubscribe_url: unsubscribeUrl };
  const answer = {
    id: notification.id,
    reference: notification.reference,
    content,
    uri: `${ctx.baseUrl}/v2/notifications/${notification.id}`,
    template: { id: templateId, version: notification.templateVersion, uri: `${ctx.baseUrl}/services/${ctx.serviceId}/templates/${templateId}` },
    scheduled_for: null,
    // Emails always carry this, empty unless sanitise_content_for changed something (the fake never does).
    ...(type === 'email' ? { sanitised_content: {} } : {}),
  };
  return { body: answer, notification };
}
