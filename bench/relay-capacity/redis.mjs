// A throwaway redis-server for the two-node runs: no persistence, on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from './processes.mjs';

const answers = (port) =>
  new Promise((resolve) => {
    const probe = createConnection({ port, host: '127.0.0.1' }, () => (probe.end(), resolve(true)));
    probe.on('error', () => resolve(false));
  });

export async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let tries = 0; !(await answers(port)); tries++) {
    if (tries > 100) throw new Error('redis-server did not start');
    await new Promise((wait) => setTimeout(wait, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) };
}
