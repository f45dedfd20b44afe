import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/shared/index.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { useServer } from '../helpers/use-server.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

let tablet: ApiClient;

async function visitRows() {
  return server.db.selectFrom('visits').selectAll().execute();
}

// A fixed clock: the bookings below are for a day that must stay in the future.
const server = useServer({ now: () => new Date(TEST_MORNING) });
beforeAll(async () => {
  tablet = await signedInDemoWard(server);
});

/** Each bad request must get a 4xx with a sentence, change nothing, and leave the server serving. */
async function expectRefused(method: string, path: string, body: unknown, status: number, headers: Record<string, string> = {}) {
  const before = await visitRows();
  const answer = await tablet.request(method, path, body, headers);
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.error.message).toMatch(/^[A-Z].+\.$/);
  expect(await visitRows()).toEqual(before);
  expect((await tablet.list()).status).toBe(200);
  return answer.body.error;
}

describe('bad input to commands', () => {
  it('malformed JSON', async () => {
    const error = await expectRefused('POST', '/api/commands', '{"type": "book", ', 400);
    expect(error).toEqual({ code: 'invalid_request', message: 'The request body is not valid JSON.' });
  });

  it('a body that is not JSON at all', async () => {
    const error = await expectRefused('POST', '/api/commands', 'type=book', 415, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(error.code).toBe('unsupported_media_type');
  });

  it('wrong types, naming the field', async () => {
    const command = book();
    const error = await expectRefused('POST', '/api/commands', { ...command, fields: { ...command.fields, lengthMinutes: '30' } }, 400);
    expect(error.message).toBe('The request is not valid: fields.lengthMinutes must be a number.');
  });

  it('missing and extra fields', async () => {
    const { fields: _, ...noFields } = book();
    expect((await expectRefused('POST', '/api/commands', noFields, 400)).message).toMatch(/fields must be a JSON object/);
    const extra = await expectRefused('POST', '/api/commands', { ...book(), admin: true }, 400);
    expect(extra.message).toMatch(/not allowed: admin/);
  });

  it('an unknown kind of command', async () => {
    expect((await expectRefused('POST', '/api/commands', { type: 'delete-everything', key: randomUUID() }, 400)).message).toMatch(/type is not/);
  });

  it('a key that is not a UUID', async () => {
    await expectRefused('POST', '/api/commands', { ...book(), key: '1' }, 400);
  });

  it('an oversized body', async () => {
    const huge = book({ patientName: 'x'.repeat(MAX_BODY_BYTES) });
    const error = await expectRefused('POST', '/api/commands', huge, 413);
    expect(error.code).toBe('too_large');
  });

  it('a string longer than any field allows', async () => {
    await expectRefused('POST', '/api/commands', book({ patientName: 'x'.repeat(2_000) }), 400);
  });

  it('prototype keys', async () => {
    const text = JSON.stringify(book()).replace('{', '{"__proto__":{"admin":true},');
    const error = await expectRefused('POST', '/api/commands', text, 400);
    expect(error.code).toBe('invalid_request');
  });

  it('deep nesting', async () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    await expectRefused('POST', '/api/commands', deep, 400);
  });

  it('an unknown visit id, or one that is not an id', async () => {
    await expectRefused('POST', '/api/commands', { type: 'cancel', key: randomUUID(), visitId: randomUUID(), baseVersion: 1, reason: 'x' }, 404);
    expect((await tablet.request('GET', '/api/visits/not-an-id')).status).toBe(404);
    expect((await tablet.request('GET', `/api/visits/${randomUUID()}`)).body.error.code).toBe('not_found');
  });

  it('an empty body', async () => {
    await expectRefused('POST', '/api/commands', '', 400);
  });

  it('sign-in with the wrong shape', async () => {
    const error = await expectRefused('POST', '/api/session', { wardCode: 7, pin: ['1'] }, 400);
    expect(error.message).toMatch(/wardCode must be a string/);
  });

  it('a form posted from another website', async () => {
    const error = await expectRefused('POST', '/api/commands', book(), 403, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(error.code).toBe('cross_site');
  });

  it('an unknown API address', async () => {
    const answer = await tablet.request('GET', '/api/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });
});

describe('markup in text fields', () => {
  it('is stored and answered as plain text, exactly as typed', async () => {
    const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const answer = await tablet.send(book({ patientName: markup, visitorName: `"'><b>bold</b>` }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const listed = (await tablet.list()).body.visits.find((v) => v.id === answer.body.visits[0]!.id);
    expect(listed?.patientName).toBe(markup);
    expect(listed?.visitorName).toBe(`"'><b>bold</b>`);
  });
});

describe('the server after all that', () => {
  it('still books', async () => {
    expect((await tablet.send(book())).status).toBe(200);
  });
});
