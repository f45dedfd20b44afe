import { beforeEach, describe, expect, it } from 'vitest';
import { setUpAdmin } from '../helpers/admin.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { databaseSnapshot } from '../helpers/database-snapshot.js';
import { useServer } from '../helpers/use-server.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

/** Hospitals, wards and PINs through the admin API, checked from a ward tablet's side. */

let clock = new Date(TEST_MORNING);
const now = () => clock;
let admin: ApiClient;

const server = useServer(() => {
  clock = new Date(TEST_MORNING);
  return { now };
}, { perTest: true });
beforeEach(async () => {
  admin = (await setUpAdmin(server, 'admin@trust.example', now)).client;
});

async function newHospital(name = 'St Elsewhere') {
  return (await admin.request('POST', '/api/admin/hospitals', { name })).body;
}
async function newWard(hospitalId: string, code = 'ash3', pin?: string) {
  return admin.request('POST', '/api/admin/wards', { hospitalId, name: 'Ash ward', code, ...(pin && { pin }) });
}
async function tabletOn(code: string, pin: string) {
  const tablet = new ApiClient(server.url);
  const answer = await tablet.signIn(code, pin);
  return { tablet, answer };
}

describe('hospitals and wards', () => {
  it('gives one code to one ward when two admins add it at the same moment; the others are told in words', async () => {
    const hospital = await newHospital();
    const answers = await Promise.all(Array.from({ length: 6 }, () => newWard(hospital.id, 'RACE1')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409)) expect(refused.body.error.message).toMatch(/^(Another ward already uses the code RACE1|Someone made the same change at the same moment)/);
    const wards = await server.db.selectFrom('wards').select('id').where('code', '=', 'RACE1').execute();
    expect(wards).toHaveLength(1);
  });

  it('are added and renamed, and a tablet signs in to a new ward with the PIN the admin typed', async () => {
    const hospital = await newHospital();
    expect(hospital).toMatchObject({ name: 'St Elsewhere', wards: [] });
    const made = await newWard(hospital.id, ' ash3 ', '20481632');
    expect(made.status).toBe(201);
    expect(made.body.ward).toMatchObject({ code: 'ASH3', name: 'Ash ward', archived: false, hospitalId: hospital.id });
    expect(made.body.generatedPin).toBeUndefined();
    const { answer } = await tabletOn('Ash3', '20481632');
    expect(answer.status).toBe(200);
    expect(answer.body.hospital.name).toBe('St Elsewhere');

    expect((await admin.request('PATCH', `/api/admin/hospitals/${hospital.id}`, { name: 'St Elsewhere General' })).body.name).toBe('St Elsewhere General');
    const renamed = await admin.request('PATCH', `/api/admin/wards/${made.body.ward.id}`, { name: 'Ash ward (east)', code: 'ASH4' });
    expect(renamed.body).toMatchObject({ name: 'Ash ward (east)', code: 'ASH4' });
    const list = (await admin.request('GET', '/api/admin/hospitals')).body.hospitals;
    expect(list.find((h: any) => h.id === hospital.id).wards.map((w: any) => w.code)).toEqual(['ASH4']);
  });

  it('makes up a PIN when none is typed, answers it once, and never stores or logs it', async () => {
    const hospital = await newHospital();
    const made = await newWard(hospital.id);
    const pin: string = made.body.generatedPin;
    expect(pin).toMatch(/^\d{8}$/);
    expect(made.headers.get('cache-control')).toBe('no-store');
    expect((await tabletOn('ASH3', pin)).answer.status).toBe(200);
    expect(JSON.stringify((await admin.request('GET', '/api/admin/hospitals')).body)).not.toContain(pin);
    expect(JSON.stringify((await admin.request('GET', '/api/admin/audit')).body)).not.toContain(pin);
    expect(JSON.stringify(await databaseSnapshot(server.db))).not.toContain(pin);
    expect(server.logLines.join('\n')).not.toContain(pin);
  });

  it('refuses a code another ward has (in any case), bad codes, easy PINs and unknown hospitals, in words, changing nothing', async () => {
    const hospital = await newHospital();
    await newWard(hospital.id, 'ASH3', '20481632');
    const before = await databaseSnapshot(server.db);
    const cases: [unknown, number, RegExp][] = [
      [{ hospitalId: hospital.id, name: 'Beech', code: 'ash3' }, 409, /^Another ward already uses the code ASH3\./],
      [{ hospitalId: hospital.id, name: 'Beech', code: 'demo' }, 409, /code DEMO/],
      [{ hospitalId: hospital.id, name: 'Beech', code: 'BE ECH' }, 400, /code is not valid/],
      [{ hospitalId: hospital.id, name: 'Beech', code: 'BEECH', pin: '12345' }, 400, /pin is not valid/],
      [{ hospitalId: hospital.id, name: 'Beech', code: 'BEECH', pin: '123456' }, 400, /not one digit repeated or a run/],
      [{ hospitalId: hospital.id, name: 'Beech', code: 'BEECH', pin: '777777' }, 400, /not one digit repeated or a run/],
      [{ hospitalId: crypto.randomUUID(), name: 'Beech', code: 'BEECH' }, 404, /^There is no hospital with that id\.$/],
      [{ hospitalId: hospital.id, name: '   ', code: 'BEECH' }, 400, /name is too short/],
    ];
    for (const [body, status, message] of cases) {
      const answer = await admin.request('POST', '/api/admin/wards', body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.message).toMatch(message);
    }
    expect((await admin.request('PATCH', `/api/admin/wards/${crypto.randomUUID()}`, { name: 'x' })).status).toBe(404);
    expect((await admin.request('PATCH', '/api/admin/wards/not-an-id', { name: 'x' })).status).toBe(404);
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });
});

describe("the ward's phone number for families", () => {
  it('is optional, set as people type it, changed and removed, audited, and given to a visitor whose visit was cancelled', async () => {
    const hospital = await newHospital();
    const none = await newWard(hospital.id, 'ASH3', '20481632');
    expect(none.body.ward.phone).toBeNull();
    clock = new Date(clock.getTime() + 1000);
    const made = await admin.request('POST', '/api/admin/wards', { hospitalId: hospital.id, name: 'Beech ward', code: 'BEECH', phone: '  +44 (0)113  496 0000 ' });
    expect(made.status).toBe(201);
    expect(made.body.ward.phone).toBe('+44 (0)113 496 0000');
    const id = made.body.ward.id;
    clock = new Date(clock.getTime() + 1000);
    expect((await admin.request('PATCH', `/api/admin/wards/${id}`, { phone: '0113-496-0001' })).body.phone).toBe('0113-496-0001');
    clock = new Date(clock.getTime() + 1000);
    expect((await admin.request('PATCH', `/api/admin/wards/${id}`, { phone: '' })).body.phone).toBeNull();
    clock = new Date(clock.getTime() + 1000);
    expect((await admin.request('PATCH', `/api/admin/wards/${id}`, { phone: '020 7946 0999' })).body.phone).toBe('020 7946 0999');
    clock = new Date(clock.getTime() + 1000);
    expect((await admin.request('PATCH', `/api/admin/wards/${id}`, { phone: null, name: 'Beech' })).body).toMatchObject({ phone: null, name: 'Beech' });
    clock = new Date(clock.getTime() + 1000);
    await admin.request('PATCH', `/api/admin/wards/${id}`, { phone: '020 7946 0999' });

    const listed = (await admin.request('GET', '/api/admin/hospitals')).body.hospitals.find((h: any) => h.id === hospital.id);
    expect(listed.wards.map((w: any) => [w.code, w.phone])).toEqual([['ASH3', null], ['BEECH', '020 7946 0999']]);
    const details = (await admin.request('GET', '/api/admin/audit')).body.entries.filter((e: any) => e.wardName === 'Beech').map((e: any) => e.detail);
    expect(details).toEqual([
      'Phone number 020 7946 0999 added',
      'Name "Beech ward" to "Beech"; Phone number 020 7946 0999 removed',
      'Phone number 020 7946 0999 added',
      'Phone number 0113-496-0001 removed',
      'Phone number +44 (0)113 496 0000 to 0113-496-0001',
      'Code BEECH; phone number +44 (0)113 496 0000',
    ]);

    const tablet = (await tabletOn('BEECH', (await admin.request('POST', `/api/admin/wards/${id}/pin`, {})).body.generatedPin)).tablet;
    const visit = (await tablet.send(book({ date: '2026-11-21', time: '10:00' }))).body.visits[0]!;
    const token = ((await tablet.request('GET', `/api/visits/${visit.id}/join-link`)).body.url as string).split('/visit/')[1]!;
    expect((await new ApiClient(server.url).openVisit(token)).body).toMatchObject({ ward: 'Beech', wardPhone: '020 7946 0999' });
    await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Patient moved' });
    const cancelled = await new ApiClient(server.url).openVisit(token);
    expect(cancelled.body.error.closedVisit).toMatchObject({ state: 'cancelled', hospital: 'St Elsewhere', ward: 'Beech', wardPhone: '020 7946 0999' });
  });

  it('refuses letters, markup, other countries, too few or too many digits and an overlong number, in plain words, changing nothing', async () => {
    const hospital = await newHospital();
    const ward = (await newWard(hospital.id, 'ASH3', '20481632')).body.ward;
    const before = await databaseSnapshot(server.db);
    const cases: [unknown, RegExp][] = [
      ['020 7946 000O', /^Phone number must only include numbers, spaces, brackets and dashes, like 020 7946 0000 or \+44 20 7946 0000\.$/],
      ['<b>020 7946 0000</b>', /must only include numbers, spaces, brackets and dashes/],
      ['020 7946 0000 ext 12', /must only include numbers/],
      ['0207+9460000', /must only include numbers/],
      ['+1 212 555 0100', /^Enter a UK phone number, starting with 0 or \+44/],
      ['020 7946', /^Enter a UK phone number with 10 or 11 digits/],
      ['020 7946 0000 0000', /with 10 or 11 digits/],
      ['2079460000', /with 10 or 11 digits/],
      ['0'.repeat(31), /^Phone number must be 30 characters or fewer\.$/],
      ['0'.repeat(1_000), /phone is too long/],
      [20_794_600_00, /phone must be a string/],
      [['020 7946 0000'], /phone must be a string/],
    ];
    for (const [phone, message] of cases) {
      for (const [method, path, body] of [
        ['POST', '/api/admin/wards', { hospitalId: hospital.id, name: 'Beech', code: 'BEECH', phone }],
        ['PATCH', `/api/admin/wards/${ward.id}`, { phone }],
      ] as const) {
        const answer = await admin.request(method, path, body);
        expect(answer.status, `${method} ${JSON.stringify(phone)}`).toBe(400);
        expect(answer.body.error.code).toBe('invalid_request');
        expect(answer.body.error.message, JSON.stringify(phone)).toMatch(message);
      }
    }
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });
});

describe('a PIN reset', () => {
  // Hazard H07: a lost tablet can be shut out and holds little
  it('signs out every tablet of the ward at once; the old PIN stops working and the new one works', async () => {
    const hospital = await newHospital();
    const ward = (await newWard(hospital.id, 'ASH3', '20481632')).body.ward;
    const { tablet } = await tabletOn('ASH3', '20481632');
    const demo = (await tabletOn(server.demo.wardCode, server.demo.pin)).tablet;
    const reset = await admin.request('POST', `/api/admin/wards/${ward.id}/pin`, {});
    expect(reset.body.signedOut).toBe(1);
    expect((await tablet.request('GET', '/api/session')).status).toBe(401);
    expect((await demo.request('GET', '/api/session')).status).toBe(200);
    expect((await tabletOn('ASH3', '20481632')).answer.status).toBe(401);
    expect((await tabletOn('ASH3', reset.body.generatedPin)).answer.status).toBe(200);
  });
});

describe('archiving a ward', () => {
  // Hazard H17: signing a ward out is explained and audited
  it('signs out its tablets, refuses sign-in and bookings, closes its links in words, and unarchiving brings it back', async () => {
    const wardId = (await admin.request('GET', '/api/admin/hospitals')).body.hospitals[0].wards[0].id;
    const { tablet } = await tabletOn(server.demo.wardCode, server.demo.pin);
    const visit = (await tablet.send(book({ date: '2026-11-20', time: '09:30' }))).body.visits[0]!;
    const token = ((await tablet.request('GET', `/api/visits/${visit.id}/join-link`)).body.url as string).split('/visit/')[1]!;

    const archived = await admin.request('POST', `/api/admin/wards/${wardId}/archive`, {});
    expect(archived.body).toMatchObject({ ward: { archived: true }, signedOut: 1 });
    expect((await tablet.send(book({ date: '2026-11-21' }))).status).toBe(401);
    expect((await tabletOn(server.demo.wardCode, server.demo.pin)).answer.status).toBe(401);
    const link = await new ApiClient(server.url).openVisit(token);
    expect(link.status).toBe(410);
    expect(link.body.error.message).toBe('This ward no longer runs video visits. Contact the hospital if you would like to arrange a visit.');

    await admin.request('POST', `/api/admin/wards/${wardId}/unarchive`, {});
    const back = await tabletOn(server.demo.wardCode, server.demo.pin);
    expect(back.answer.status).toBe(200);
    expect((await back.tablet.send(book({ date: '2026-11-21' }))).status).toBe(200);
    expect((await new ApiClient(server.url).openVisit(token)).status).toBe(200);
  });
});

describe('the audit log', () => {
  // Hazard H17: signing a ward out is explained and audited
  it('records who did what to which hospital or ward, and the admin area has no way to delete it', async () => {
    // Entries are listed newest first by their time: each action a second apart.
    clock = new Date(clock.getTime() + 1000);
    const hospital = await newHospital();
    clock = new Date(clock.getTime() + 1000);
    const ward = (await newWard(hospital.id, 'ASH3', '20481632')).body.ward;
    clock = new Date(clock.getTime() + 1000);
    await admin.request('POST', `/api/admin/wards/${ward.id}/pin`, { pin: '31415926' });
    clock = new Date(clock.getTime() + 1000);
    await admin.request('POST', `/api/admin/wards/${ward.id}/archive`, {});
    const entries = (await admin.request('GET', '/api/admin/audit')).body.entries;
    expect(entries.slice(0, 4)).toEqual([
      expect.objectContaining({ actor: 'admin@trust.example', action: 'ward.archived', wardName: 'Ash ward', hospitalName: 'St Elsewhere' }),
      expect.objectContaining({ action: 'ward.pin-reset', wardName: 'Ash ward', detail: '0 tablet sessions signed out' }),
      expect.objectContaining({ action: 'ward.created', detail: 'Code ASH3' }),
      expect.objectContaining({ action: 'hospital.created', hospitalName: 'St Elsewhere' }),
    ]);
    expect(entries.map((e: any) => e.action)).toEqual(expect.arrayContaining(['admin.invited', 'admin.password-set', 'admin.second-factor-set-up', 'admin.signed-in']));
    expect(JSON.stringify(entries)).not.toMatch(/31415926|20481632|correct horse/);
    const deleteRoutes = server.app.routes.filter((route) => route.method === 'DELETE' && route.url.startsWith('/api/admin'));
    expect(deleteRoutes.map((route) => route.url)).toEqual(['/api/admin/session']);
  });
});

describe('what an admin sees', () => {
  // Hazard H18: admins never see personal data
  it('holds no patient or visitor detail in any admin answer', async () => {
    const tablet = (await tabletOn(server.demo.wardCode, server.demo.pin)).tablet;
    await tablet.send(book({ date: '2026-11-20', time: '10:00', patientName: 'Petra Patientson', visitorName: 'Vic Visitorson', visitorMobile: '07700 900123', visitorEmail: 'vic@example.com', bed: 'Bed 99' }));
    const answers = await Promise.all(
      server.app.routes.filter((route) => route.access === 'admin' && route.method === 'GET').map((route) => admin.request('GET', route.url)),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(JSON.stringify(answers.map((answer) => answer.body))).not.toMatch(/Petra|Patientson|Vic|Visitorson|900123|vic@example|Bed 99/);
  });
});
