import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The compiled server (npm test builds it first), run as a trust runs it. */
const MAIN = resolve(import.meta.dirname, '../../dist/node/server/main.js');

/**
 * The server in its own process, so a test can kill it outright (SIGKILL: no shutdown, no
 * goodbyes) and start it again. Resolves once it says it is running; `onCleanUp` is given a
 * step that kills it, for the test's clean-up.
 */
export function runServerProcess(env: Record<string, string>, onCleanUp: (step: () => void) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env } });
  onCleanUp(() => void child.kill('SIGKILL'));
  return new Promise((ready, failed) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('is running at')) ready(child);
    });
    child.on('exit', (code) => failed(new Error(`the server stopped (${code}): ${output}`)));
  });
}

/** Kills the process outright and waits until it has gone. */
export function killed(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.removeAllListeners('exit');
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}
