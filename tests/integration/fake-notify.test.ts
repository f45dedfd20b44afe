import { createHmac, randomUUID } from 'node:crypto';
import { NotifyClient } from 'notifications-node-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeNotify, type FakeNotify } from '../helpers/fake-notify/index.js';

/**
 * The fake GOV.UK Notify, driven by the real notifications-node-client, so the tests that use it
 * later know it speaks Notify's API: the shapes, the checks and the words of its errors.
 */
const SMS_TEMPLATE = 'a3d6c1f2-5b7e-4c8d-9e0f-1a2b3c4d5e6f';
const EMAIL_TEMPLATE = 'b4e7d2a3-6c8f-4d9e-8f1a-2b3c4d5e6f70';
const MOBILE = '07700 900123';
const CREATED_AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

let fake: FakeNotify;
let client: NotifyClient;

beforeAll(async () => {
  fake = await startFakeNotify({
    templates: {
      [SMS_TEMPLATE]: 'sms',
      [EMAIL_TEMPLATE]: { type: 'email', subject: 'Your visit to ((ward))', body: 'Join the call at ((link))' },
    },
  });
  client = new NotifyClient(fake.url, fake.apiKey);
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

/** What Notify answered when the client's promise was refused. */
async function refusal(request: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  const error: unknown = await request.then(
    () => expect.fail('Notify accepted a request it should refuse'),
    (reason: unknown) => reason,
  );
  const response = (error as { response?: { status: number; data: unknown } }).response;
  if (!response) throw error;
  return { status: response.status, data: response.data };
}

const notifyError = (status: number, error: string, message: string) => ({ status, data: { status_code: status, errors: [{ error, message }] } });

/** An HS256 token made here with node:crypto, not by the client, so a test can pick its claims. */
function craftToken(claims: Record<string, unknown>, secret: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ typ: 'JWT', alg: 'HS256' })}.${part(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const secretOf = (apiKey: string) => apiKey.slice(-36);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('sending', () => {
  it('accepts a text message and answers 201 in the shape Notify documents', async () => {
    const response = await client.sendSms(SMS_TEMPLATE, MOBILE, { personalisation: { link: 'https://example.test/v/abc' }, reference: 'visit-1' });
    expect(response.status).toBe(201);
    const { id } = response.data;
    expect(response.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: 'visit-1',
      content: { body: 'link: https://example.test/v/abc', from_number: 'GOVUK' },
      uri: `${fake.url}/v2/notifications/${id}`,
      template: { id: SMS_TEMPLATE, version: 1, uri: `${fake.url}/services/${fake.serviceId}/templates/${SMS_TEMPLATE}` },
      scheduled_for: null,
    });
    expect(fake.sent()).toEqual([
      { id, type: 'sms', to: MOBILE, templateId: SMS_TEMPLATE, personalisation: { link: 'https://example.test/v/abc' }, reference: 'visit-1', status: 'created', body: 'link: https://example.test/v/abc', subject: null },
    ]);
  });

  it('accepts an email, filling the template placeholders, and refuses one whose personalisation is missing', async () => {
    const response = await client.sendEmail(EMAIL_TEMPLATE, 'Pat.Relative@example.com', { personalisation: { ward: 'Ward 7', link: 'https://example.test/v/xyz' } });
    expect(response.status).toBe(201);
    expect(response.data.content).toEqual({
      from_email: 'fake.notify.service@notifications.service.gov.uk',
      body: 'Join the call at https://example.test/v/xyz',
      subject: 'Your visit to Ward 7',
      one_click_unsubscribe_url: null,
    });
    expect(response.data.reference).toBeNull();
    expect(await refusal(client.sendEmail(EMAIL_TEMPLATE, 'pat@example.com', { personalisation: { ward: 'Ward 7' } }))).toEqual(
      notifyError(400, 'BadRequestError', 'Missing personalisation: link'),
    );
    expect(fake.sent().map((n) => n.to)).toEqual(['Pat.Relative@example.com']);
  });

  it('accepts the forms of a UK mobile number that Notify accepts', async () => {
    for (const number of ['+447700900123', '447700900124', '0044 7700 900125', '07700-900-126', '+44 (0)7700 900127']) {
      expect((await client.sendSms(SMS_TEMPLATE, number)).status).toBe(201);
    }
    expect(fake.sent()).toHaveLength(5);
  });

  it('refuses numbers that are not UK mobiles with Notify’s errors, and keeps nothing', async () => {
    expect(await refusal(client.sendSms(SMS_TEMPLATE, 'call me maybe'))).toEqual(notifyError(400, 'ValidationError', 'phone_number Must not contain letters or symbols'));
    expect(await refusal(client.sendSms(SMS_TEMPLATE, '07700 9001'))).toEqual(notifyError(400, 'ValidationError', 'phone_number Not enough digits'));
    expect(await refusal(client.sendSms(SMS_TEMPLATE, '07700 900 123 456'))).toEqual(notifyError(400, 'ValidationError', 'phone_number Too many digits'));
    expect(await refusal(client.sendSms(SMS_TEMPLATE, '020 7946 0000'))).toEqual(notifyError(400, 'InvalidPhoneError', 'Not a UK mobile number'));
    expect(await refusal(client.sendSms(SMS_TEMPLATE, '+33 6 12 34 56 78'))).toEqual(notifyError(400, 'BadRequestError', 'Cannot send to international mobile numbers'));
    expect(await refusal(client.sendEmail(EMAIL_TEMPLATE, 'not-an-address', { personalisation: { ward: 'W', link: 'L' } }))).toEqual(
      notifyError(400, 'ValidationError', 'email_address Not a valid email address'),
    );
    expect(fake.sent()).toEqual([]);
  });

  it('lists every schema problem at once, and refuses unknown and wrong-type templates', async () => {
    expect(await refusal(client.sendSms('not-a-uuid', ''))).toEqual({
      status: 400,
      data: {
        status_code: 400,
        errors: [
          { error: 'ValidationError', message: 'phone_number Not enough digits' },
          { error: 'ValidationError', message: 'template_id is not a valid UUID' },
        ],
      },
    });
    expect(await refusal(client.sendSms(randomUUID(), MOBILE))).toEqual(notifyError(400, 'BadRequestError', 'Template not found'));
    expect(await refusal(client.sendEmail(SMS_TEMPLATE, 'pat@example.com'))).toEqual(
      notifyError(400, 'BadRequestError', 'sms template is not suitable for email notification'),
    );
  });
});

describe('reading back', () => {
  it('gets one notification by id in Notify’s shape, 404 for an unknown id and 400 for a malformed one', async () => {
    const { data: sent } = await client.sendSms(SMS_TEMPLATE, MOBILE, { personalisation: { name: 'Sam' }, reference: 'ref-get' });
    const { data } = await client.getNotificationById(sent.id);
    expect(data).toMatchObject({
      id: sent.id,
      reference: 'ref-get',
      phone_number: MOBILE,
      email_address: null,
      type: 'sms',
      status: 'created',
      body: 'name: Sam',
      subject: null,
      sent_at: null,
      completed_at: null,
      is_cost_data_ready: false,
      template: { id: SMS_TEMPLATE, version: 1, uri: `${fake.url}/v2/template/${SMS_TEMPLATE}/version/1` },
    });
    expect(data.created_at).toMatch(CREATED_AT);
    expect(await refusal(client.getNotificationById(randomUUID()))).toEqual(notifyError(404, 'NoResultFound', 'No result found'));
    expect(await refusal(client.getNotificationById('12345'))).toEqual(notifyError(400, 'ValidationError', 'notification_id is not a valid UUID'));
  });

  it('lists notifications by reference and type, newest first, with links', async () => {
    const first = await client.sendSms(SMS_TEMPLATE, MOBILE, { reference: 'batch-a' });
    const second = await client.sendEmail(EMAIL_TEMPLATE, 'pat@example.com', { reference: 'batch-a', personalisation: { ward: 'W', link: 'L' } });
    await client.sendSms(SMS_TEMPLATE, MOBILE, { reference: 'batch-b' });
    const { data } = await client.getNotifications(undefined, undefined, 'batch-a');
    expect(data.notifications.map((n) => n.id)).toEqual([second.data.id, first.data.id]);
    expect(data.links).toEqual({
      current: `${fake.url}/v2/notifications?reference=batch-a`,
      next: `${fake.url}/v2/notifications?reference=batch-a&older_than=${first.data.id}`,
    });
    const emails = await client.getNotifications('email', undefined, 'batch-a');
    expect(emails.data.notifications.map((n) => [n.type, n.email_address])).toEqual([['email', 'pat@example.com']]);
    const older = await client.getNotifications(undefined, undefined, 'batch-a', first.data.id);
    expect(older.data).toEqual({ notifications: [], links: { current: `${fake.url}/v2/notifications?reference=batch-a&older_than=${first.data.id}` } });
    expect(await refusal(client.getNotifications(undefined, 'elephant'))).toEqual(
      notifyError(
        400,
        'ValidationError',
        'status elephant is not one of [cancelled, created, sending, sent, delivered, pending, failed, technical-failure, temporary-failure, permanent-failure, pending-virus-check, validation-failed, virus-scan-failed, returned-letter, accepted, received]',
      ),
    );
  });

  it('moves a notification through delivered and failed, as the status follow-up will see it', async () => {
    const { data: one } = await client.sendSms(SMS_TEMPLATE, MOBILE);
    const { data: two } = await client.sendSms(SMS_TEMPLATE, MOBILE);
    fake.deliver(one.id);
    fake.fail(two.id, 'permanent-failure');
    const delivered = (await client.getNotificationById(one.id)).data;
    expect(delivered.status).toBe('delivered');
    expect(delivered.sent_at).toMatch(CREATED_AT);
    expect(delivered.completed_at).toMatch(CREATED_AT);
    expect(delivered.is_cost_data_ready).toBe(true);
    expect((await client.getNotificationById(two.id)).data.status).toBe('permanent-failure');
    // "failed" in a filter stands for every kind of failure, as in Notify.
    const failed = await client.getNotifications(undefined, 'failed');
    expect(failed.data.notifications.map((n) => n.id)).toEqual([two.id]);
  });

  it('delivers by itself when told to', async () => {
    const auto = await startFakeNotify({ autoDeliverAfterMs: 50 });
    try {
      const autoClient = new NotifyClient(auto.url, auto.apiKey);
      const { data } = await autoClient.sendSms(randomUUID(), MOBILE);
      expect((await autoClient.getNotificationById(data.id)).data.status).toBe('sending');
      await vi.waitFor(async () => expect((await autoClient.getNotificationById(data.id)).data.status).toBe('delivered'));
    } finally {
      await auto.close();
    }
  });
});

describe('authentication', () => {
  it('refuses a key with the wrong secret, 403 as Notify words it', async () => {
    const wrongKey = new NotifyClient(fake.url, `visits-${fake.serviceId}-${randomUUID()}`);
    expect(await refusal(wrongKey.sendSms(SMS_TEMPLATE, MOBILE))).toEqual(notifyError(403, 'AuthError', 'Invalid token: API key not found'));
    expect(fake.sent()).toEqual([]);
  });

  it('refuses a token issued 60 seconds ago, and takes the same token issued now', async () => {
    const get = (token: string) => fetch(`${fake.url}/v2/notifications`, { headers: { Authorization: `Bearer ${token}` } });
    const stale = await get(craftToken({ iss: fake.serviceId, iat: nowSeconds() - 60 }, secretOf(fake.apiKey)));
    expect(stale.status).toBe(403);
    expect(await stale.json()).toEqual(notifyError(403, 'AuthError', 'Error: Your system clock must be accurate to within 30 seconds').data);
    const fresh = await get(craftToken({ iss: fake.serviceId, iat: nowSeconds() }, secretOf(fake.apiKey)));
    expect(fresh.status).toBe(200);
  });

  it('answers 401 when there is no token at all', async () => {
    const response = await fetch(`${fake.url}/v2/notifications`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(notifyError(401, 'AuthError', 'Unauthorized: authentication token must be provided').data);
  });
});

describe('failures a test can cause', () => {
  it('fails the next send with a 500, then accepts the retry', async () => {
    fake.failNext(1, { status: 500 });
    expect(await refusal(client.sendSms(SMS_TEMPLATE, MOBILE))).toEqual(notifyError(500, 'Exception', 'Internal server error'));
    expect(fake.sent()).toEqual([]);
    expect((await client.sendSms(SMS_TEMPLATE, MOBILE)).status).toBe(201);
    expect(fake.sent()).toHaveLength(1);
  });

  it('rate-limits with a 429', async () => {
    fake.failNext(1, { status: 429 });
    expect(await refusal(client.sendEmail(EMAIL_TEMPLATE, 'pat@example.com'))).toEqual(
      notifyError(429, 'RateLimitError', 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds'),
    );
  });

  it('refuses one recipient however the number is written', async () => {
    fake.refuseRecipient('+447700900999');
    expect(await refusal(client.sendSms(SMS_TEMPLATE, '07700 900999'))).toEqual(
      notifyError(400, 'BadRequestError', 'Can’t send to this recipient using a team-only API key'),
    );
    expect((await client.sendSms(SMS_TEMPLATE, MOBILE)).status).toBe(201);
  });

  it('creates the notification but cuts the connection, so only the reference finds it', async () => {
    fake.acceptThenDropConnection(1);
    const error: unknown = await client.sendSms(SMS_TEMPLATE, MOBILE, { reference: 'lost-answer' }).then(
      () => expect.fail('the answer should never arrive'),
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect((error as { response?: unknown }).response).toBeUndefined();
    const { data } = await client.getNotifications(undefined, undefined, 'lost-answer');
    expect(data.notifications).toHaveLength(1);
    expect(data.notifications[0]).toMatchObject({ reference: 'lost-answer', phone_number: MOBILE, status: 'created' });
    expect(fake.requests().map((r) => [r.method, r.path, r.outcome])).toEqual([
      ['POST', '/v2/notifications/sms', 'dropped'],
      ['GET', '/v2/notifications', 200],
    ]);
  });

  it('never answers a hung send', async () => {
    fake.hangNext(1);
    const token = craftToken({ iss: fake.serviceId, iat: nowSeconds() }, secretOf(fake.apiKey));
    const hanging = fetch(`${fake.url}/v2/notifications/sms`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone_number: MOBILE, template_id: SMS_TEMPLATE }),
      signal: AbortSignal.timeout(300),
    });
    await expect(hanging).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(fake.requests()).toEqual([{ method: 'POST', path: '/v2/notifications/sms', query: '', outcome: 'hung' }]);
    expect(fake.sent()).toEqual([]);
  });
});
