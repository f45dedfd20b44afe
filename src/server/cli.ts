import type { Db } from './store/database.js';
import { openDatabase, sqliteDialect } from './store/database.js';
import { endWardSessions } from './store/sessions.js';
import { canonicalWardCode, findWardByCode } from './store/wards.js';
import { SESSION_SWEEP_INTERVAL_MS } from './jobs/session-sweep.js';
import { readConfigOrExit } from './start-config.js';

const USAGE = 'Usage: npm run revoke-sessions -- <ward code>\n';

/**
 * Commands for a trust's IT team, run beside the server on its database. Only one so far:
 * revoke-sessions signs out every tablet of a ward (a lost or stolen tablet). Answers the exit code.
 */
async function runCommand(args: string[], db: Db, now: Date, out: (line: string) => void): Promise<number> {
  const [command, code] = args;
  if (command !== 'revoke-sessions' || !code) {
    out(USAGE);
    return 2;
  }
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

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const db = await openDatabase(sqliteDialect(config.dataDir));
  try {
    process.exitCode = await runCommand(process.argv.slice(2), db, new Date(), (line) => process.stdout.write(line));
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The command failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
