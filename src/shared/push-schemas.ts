import * as v from 'valibot';
import { NAME_MAX_LENGTH } from './limits.js';
import { PRESENCE_MAX_PER_VISIT, PRESENCE_MAX_VISITS, PRESENCE_STATES } from './presence.js';

/**
 * What the ward tablet checks as it arrives on its socket: live presence, and a visit's
 * messages moving on. Written with valibot, not zod: the tablet's first load has room for
 * 40 kB of script, and valibot keeps only the checks a schema uses (about 1 kB gzipped here,
 * against 6.5 kB for zod/mini and 25 kB for classic zod; measured with bench/bundle-budget).
 * Neither builds code with `new Function`, which the pages' Content-Security-Policy refuses.
 * The server, which only sends these, checks everything it receives with zod.
 *
 * Not in the shared index: a schema is made when its module loads, so one there would be in
 * every page, even the visitor's landing page, which parses nothing. Import this file directly.
 */

const uuid = v.pipe(v.string(), v.uuid());

export const visitorPresenceSchema = v.strictObject({
  /** The name given with "Join visit"; null while they have only opened the link. */
  name: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(NAME_MAX_LENGTH))),
  state: v.picklist(PRESENCE_STATES),
  /** When they came into this state (UTC, ISO 8601). */
  since: v.pipe(v.string(), v.isoTimestamp()),
});
export type VisitorPresence = v.InferOutput<typeof visitorPresenceSchema>;

export const visitPresenceSchema = v.strictObject({
  visitId: uuid,
  /** Oldest first. Empty: nobody has opened the link (or the visit has ended). */
  visitors: v.pipe(v.array(visitorPresenceSchema), v.maxLength(PRESENCE_MAX_PER_VISIT)),
});
export type VisitPresence = v.InferOutput<typeof visitPresenceSchema>;

/** What the server pushes on the ward's socket as `presence`; the tablet checks it on arrival. */
export const presenceUpdateSchema = v.strictObject({
  /**
   * true: the ward's whole presence, sent when a tablet's socket (re)connects; a visit not
   * named has nobody. false: only the visits named changed.
   */
  full: v.boolean(),
  visits: v.pipe(v.array(visitPresenceSchema), v.maxLength(PRESENCE_MAX_VISITS)),
});
export type PresenceUpdate = v.InferOutput<typeof presenceUpdateSchema>;

/** The payload of MESSAGES_CHANGED, checked where it arrives (the tablet's socket). */
export const messagesChangedSchema = v.strictObject({ visitId: uuid });
export type MessagesChanged = v.InferOutput<typeof messagesChangedSchema>;

/** Checks a payload against one of these schemas: its value when it fits, else null. */
export function checked<Schema extends v.GenericSchema>(schema: Schema, payload: unknown): v.InferOutput<Schema> | null {
  const result = v.safeParse(schema, payload);
  return result.success ? result.output : null;
}
