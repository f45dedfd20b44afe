import { issueSetupLink } from './admin/setup-links.js';
import type { Config } from './config.js';
import { SESSION_SWEEP_INTERVAL_MS } from './jobs/session-sweep.js';
import { readConfigOrExit } from './start-config.js';
import type { Db } from './store/database.js';
import { configuredDialect, openDatabase } from './store/database.js';
import { endWardSessions } from './store/sessions.js';
import { canonicalWardCode, findWardByCode } from './store/wards.js';
import { inviteAdminSchema } from '../shared/admin-schemas.js';

const USAGE = 'Usage:\n  npm run create-admin -- --email someone@trust.example\n  npm run revoke-sessions -- <ward code>\n';

type Out = (line: string) => void;

/** revoke-sessions: signs out every tablet of a ward (a lost or stolen tablet). */
async function revokeSessions(db: Db, code: string, now: Date, out: Out): Promise<number> {
  const ward = await findWardByCode(db, canonicalWardCode(code));
  if (!ward) {
    out(`There is no ward with the code ${canonicalWardCode(code)}. Check the code and try again.\n`);
    return 1;
  }
  const ended = await endWardSessions(db, ward.id, now);
  const seconds = Math.ceil((SESSION_SWEEP_INTERVAL_MS * 2) / 1000);
  out(
    `Signed out ${ended} ${ended === 1 ? 'session' : 'sessions'} of ${ward.name} (${ward.code}). ` +
      `Open calls and live updates close within ${seconds} seconds. ` +
      'Its tablets must sign in again with the ward PIN: if the PIN may be known, reset it.\n',
  );
  return 0;
}

/**
 * create-admin: a trust admin, and a one-time link to choose a password. Never a password of
 * its own: nothing known is seeded or printed. Run again for an admin who lost their
 * authenticator app or password: the new link replaces both.
 */
async function createAdmin(db: Db, config: Config, email: string, now: Date, out: Out): Promise<number> {
  const parsed = inviteAdminSchema.safeParse({ email });
  if (!parsed.success) {
    out(`"${email}" is not an email address. Check it and try again.\n`);
    return 1;
  }
  const base = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const issued = await issueSetupLink(db, parsed.data.email, base, 'command line', now);
  out(
    `${issued.created ? 'Created the admin' : 'Made a new set-up link for'} ${issued.admin.email}.\n\n` +
      `Open this link to choose a password and set up an authenticator app. It works once, until ${issued.expiresAt}:\n\n  ${issued.setupLink}\n\n` +
      (issued.created ? '' : 'Using it replaces their password and authenticator app.\n') +
      (config.publicUrl ? '' : 'Set PUBLIC_URL to the address people open the service at, so links use it.\n'),
  );
  return 0;
}

/** Commands for a trust's IT team, run beside the server on its database. Answers the exit code. */
async function runCommand(args: string[], db: Db, config: Config, now: Date, out: Out): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'revoke-sessions' && rest[0]) return revokeSessions(db, rest[0], now, out);
  if (command === 'create-admin' && rest[0] === '--email' && rest[1]) return createAdmin(db, config, rest[1], now, out);
  out(USAGE);
  return 2;
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const db = await openDatabase(configuredDialect(config.database, config.dataDir));
  try {
    process.exitCode = await runCommand(process.argv.slice(2), db, config, new Date(), (line) => process.stdout.write(line));
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The command failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
