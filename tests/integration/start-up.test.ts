import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';

/** The compiled server, as `npm start` runs it (npm test builds it first). */
const MAIN = resolve(import.meta.dirname, '../../dist/node/server/main.js');
const dataDirs: string[] = [];

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wvv-start-'));
  dataDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Started {
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

function launch(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { url: '', output: () => output, exited, kill: (signal) => child.kill(signal) };
}

async function waitForUrl(started: Started): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const match = /running at (http:\/\/\S+)/.exec(started.output());
    if (match) return match[1]!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${started.output()}`);
}

describe('start-up', () => {
  // Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('stops with a message naming a badly set variable', async () => {
    for (const [variable, value] of [['PORT', 'abc'], ['TZ', 'Mars/Olympus'], ['NODE_ENV', 'staging']] as const) {
      const started = launch({ [variable]: value, DATA_DIR: freshDataDir() });
      expect(await started.exited).toBe(1);
      expect(started.output()).toContain(`Cannot start: ${variable} `);
    }
  });

  it('stops naming DATABASE_URL when it is not a PostgreSQL address, and never prints its password', async () => {
    const started = launch({ DATABASE_URL: 'mysql://ward:hunter2-secret@db.example.org/visits', DATA_DIR: freshDataDir() });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('Cannot start: DATABASE_URL ');
    expect(started.output()).not.toContain('hunter2-secret');
  });

  it('seeds a demo ward outside production, prints how to sign in, and stops cleanly on SIGTERM', async () => {
    const started = launch({ DATA_DIR: freshDataDir() });
    const url = await waitForUrl(started);
    expect(started.output()).toContain('Demo ward sign-in: ward code DEMO, PIN 123456');
    expect((await new ApiClient(url).signIn('DEMO', '123456')).status).toBe(200);
    started.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });

  it('seeds nothing in production', async () => {
    const started = launch({ DATA_DIR: freshDataDir(), NODE_ENV: 'production' });
    const url = await waitForUrl(started);
    expect(started.output()).not.toContain('Demo ward');
    expect((await new ApiClient(url).signIn('DEMO', '123456')).status).toBe(401);
    started.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });

  it('archives the demo ward when a development data folder is started in production', async () => {
    const dataDir = freshDataDir();
    const development = launch({ DATA_DIR: dataDir });
    const devUrl = await waitForUrl(development);
    expect((await new ApiClient(devUrl).signIn('DEMO', '123456')).status).toBe(200);
    development.kill('SIGTERM');
    await development.exited;
    const production = launch({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    const url = await waitForUrl(production);
    expect(production.output()).toContain('The demo ward (DEMO) from a run outside production was archived: its PIN no longer signs in.');
    expect((await new ApiClient(url).signIn('DEMO', '123456')).status).toBe(401);
    production.kill('SIGTERM');
    expect(await production.exited).toBe(0);
  });

  it("keeps the data folder and database to the server's own user", async () => {
    const dataDir = join(freshDataDir(), 'new-folder');
    const started = launch({ DATA_DIR: dataDir });
    await waitForUrl(started);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'ward-visits.sqlite')).mode & 0o777).toBe(0o600);
    started.kill('SIGTERM');
    await started.exited;
  });

  // Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
  it('keeps visits across a restart on the same data folder', async () => {
    const dataDir = freshDataDir();
    const first = launch({ DATA_DIR: dataDir });
    const tablet = new ApiClient(await waitForUrl(first));
    await tablet.signIn('DEMO', '123456');
    const { book } = await import('../helpers/api-client.js');
    const tomorrow = hospitalTomorrow();
    const booked = await tablet.send(book({ date: tomorrow }));
    expect(booked.status).toBe(200);
    first.kill('SIGTERM');
    await first.exited;

    const second = launch({ DATA_DIR: dataDir });
    const again = new ApiClient(await waitForUrl(second));
    await again.signIn('DEMO', '123456');
    expect((await again.list()).body.visits.map((v) => v.id)).toEqual([booked.body.visits[0]!.id]);
    second.kill('SIGTERM');
    await second.exited;
  });
});
