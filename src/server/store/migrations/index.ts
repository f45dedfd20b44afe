import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as joinLinks from './0002-join-links.js';
import * as callTimes from './0003-call-times.js';
import * as feedbackCounts from './0004-feedback-counts.js';
import * as callOutages from './0005-call-outages.js';
import * as visitorSessions from './0006-visitor-sessions.js';
import * as trustAdmin from './0007-trust-admin.js';
import * as wardSignInTries from './0008-ward-sign-in-tries.js';
import * as linkGenerations from './0009-link-generations.js';
import * as turnedAway from './0010-turned-away.js';
import * as wardPhone from './0011-ward-phone.js';
import * as messages from './0012-messages.js';

/** Every migration, in order. Names sort in the order they must run. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-join-links': joinLinks,
  '0003-call-times': callTimes,
  '0004-feedback-counts': feedbackCounts,
  '0005-call-outages': callOutages,
  '0006-visitor-sessions': visitorSessions,
  '0007-trust-admin': trustAdmin,
  '0008-ward-sign-in-tries': wardSignInTries,
  '0009-link-generations': linkGenerations,
  '0010-turned-away': turnedAway,
  '0011-ward-phone': wardPhone,
  '0012-messages': messages,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
