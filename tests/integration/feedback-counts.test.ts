import { beforeAll, expect, it } from 'vitest';
import { feedbackCounts } from '../../src/server/store/feedback.js';
import { useServer } from '../helpers/use-server.js';

/** The store's read of feedback counts for reports, against a real SQLite database. */

let demoWard: string;
let otherWard: string;

const server = useServer();
beforeAll(async () => {
  demoWard = (await server.db.selectFrom('wards').select('id').where('code', '=', server.demo.wardCode).executeTakeFirstOrThrow()).id;
  otherWard = await server.addWard('WARD2', '654321');
  const rows: [string, string, string, number][] = [
    [demoWard, '2026-11-20', 'good', 9],
    [demoWard, '2026-11-21', 'poor', 1],
    [demoWard, '2026-11-21', 'very-good', 4],
    [demoWard, '2026-11-21', 'good', 2],
    [demoWard, '2026-11-22', 'very-poor', 1],
    [demoWard, '2026-11-23', 'neither', 7],
    [otherWard, '2026-11-21', 'good', 5],
  ];
  await server.db
    .insertInto('feedback_counts')
    .values(rows.map(([ward_id, day, answer, count]) => ({ ward_id, day, answer, count })))
    .execute();
});

it("answers one ward's counts for the days from and to, inclusive, by day and in the question's order", async () => {
  expect(await feedbackCounts(server.db, demoWard, '2026-11-21', '2026-11-22')).toEqual([
    { day: '2026-11-21', answer: 'very-good', count: 4 },
    { day: '2026-11-21', answer: 'good', count: 2 },
    { day: '2026-11-21', answer: 'poor', count: 1 },
    { day: '2026-11-22', answer: 'very-poor', count: 1 },
  ]);
});

it('answers a single day, another ward only its own, and nothing for days with none', async () => {
  expect(await feedbackCounts(server.db, demoWard, '2026-11-23', '2026-11-23')).toEqual([{ day: '2026-11-23', answer: 'neither', count: 7 }]);
  expect(await feedbackCounts(server.db, otherWard, '2026-11-01', '2026-11-30')).toEqual([{ day: '2026-11-21', answer: 'good', count: 5 }]);
  expect(await feedbackCounts(server.db, demoWard, '2026-12-01', '2026-12-31')).toEqual([]);
});
