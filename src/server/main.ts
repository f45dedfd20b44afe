import { createApp } from './app.js';
import { readConfigOrExit } from './start-config.js';
import { configuredDialect, openDatabase } from './store/database.js';
import { countAdmins } from './store/admins.js';
import { DEMO_WARD, retireDemoWard, seedDemoWard } from './store/seed-demo.js';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const db = await openDatabase(configuredDialect(config.database, config.dataDir));
  const context = { config, db, now: () => new Date() };
  const seeded = config.production ? false : await seedDemoWard(db, context.now());
  const retired = config.production && (await retireDemoWard(db, context.now()));
  const app = await createApp(context);
  const address = await app.http.listen({ port: config.port, host: config.host });

  // Printed for people, on purpose outside the JSON log: this is how they sign in to the demo.
  // One write, so whoever reads "running at" has the lines after it too.
  const lines = [`\nWard virtual visits is running at ${address.replace('[::1]', 'localhost')}`];
  if (!config.production) lines.push(`Demo ward sign-in: ward code ${DEMO_WARD.wardCode}, PIN ${DEMO_WARD.pin}${seeded ? ' (just created)' : ''}\n`);
  if (retired) lines.push(`The demo ward (${DEMO_WARD.wardCode}) from a run outside production was archived: its PIN no longer signs in.\n`);
  if ((await countAdmins(db)) === 0) lines.push('There is no trust admin yet. Create the first: npm run create-admin -- --email you@trust.example\n');
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.http.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.http.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
