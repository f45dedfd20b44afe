import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { databaseEnv } from './test-database.js';

/** The compiled command, as `npm run revoke-sessions` runs it (npm test builds it first). */
const CLI = resolve(import.meta.dirname, '../../dist/node/server/cli.js');

/** Runs the server's command line on a data folder (and its PostgreSQL database, if on one), as trust IT would beside the server. */
export function runCli(dataDir: string, ...args: string[]): Promise<{ code: number | null; output: string }> {
  return runCliWith(databaseEnv(dataDir), ...args);
}

/** The same, with the environment a trust's IT team would set (PUBLIC_URL, NODE_ENV, …). */
export function runCliWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}
