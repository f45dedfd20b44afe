// What the call benchmarks share: they run inside a loopback-only network namespace, so WebRTC
// never touches another address.
import { spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = resolve(import.meta.dirname, '../../scripts/in-loopback-netns.sh');

/** Outside a loopback-only namespace, runs the calling script again inside one and exits with its status. */
export function ensureLoopbackNamespace(scriptUrl) {
  if (Object.keys(networkInterfaces()).every((name) => name === 'lo')) return;
  if (process.env.WVV_LOOPBACK_NETNS === '1') throw new Error('WVV_LOOPBACK_NETNS is set but this network has more than loopback');
  const result = spawnSync('bash', [script, process.execPath, ...process.execArgv, fileURLToPath(scriptUrl), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
