import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A private, silent PulseAudio server for one test: Firefox's audio never starts without a sound
 * server (PLATFORM.md), and these machines have no sound card. It plays into a null sink, its
 * only source is that sink's monitor (silence), and everything it keeps (socket, runtime files,
 * cookie) sits in its own temporary folder, so nothing touches another PulseAudio on the machine.
 */
export interface SilentPulseAudio {
  /** For PULSE_SERVER in the environment of a browser that should use it. */
  address: string;
  /** Stops this server (by its process id) and removes its folder. */
  stop(): Promise<void>;
}

export const PULSEAUDIO_PATH = process.env.PULSEAUDIO_PATH ?? '/usr/bin/pulseaudio';

/** How long the server may take to open its socket (it takes about 0.1 s here). */
const START_TIMEOUT_MS = 10_000;
const START_POLL_MS = 50;

export async function startSilentPulseAudio(): Promise<SilentPulseAudio> {
  const folder = mkdtempSync(join(tmpdir(), 'wvv-pulse-'));
  const socket = join(folder, 'native');
  const server = spawn(
    PULSEAUDIO_PATH,
    [
      // No default.pa: only the two modules below, not the machine's usual set.
      '-n',
      '--daemonize=no',
      '--use-pid-file=no',
      // Stay up while no client is connected, until stop().
      '--exit-idle-time=-1',
      '--log-target=stderr',
      `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`,
      '--load=module-null-sink sink_name=silent',
    ],
    // Its own home and runtime folder, so it reads no one's config and leaves nothing behind.
    { env: { ...process.env, HOME: folder, XDG_RUNTIME_DIR: folder, PULSE_RUNTIME_PATH: folder }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr.on('data', (chunk) => (log += String(chunk)));
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  let running = true;
  void exited.then(() => (running = false));

  const stop = async () => {
    if (running) {
      process.kill(server.pid!, 'SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!existsSync(socket)) {
    if (!running || Date.now() > deadline) {
      await stop();
      throw new Error(`PulseAudio did not open its socket (${running ? 'timed out' : 'it exited'}): ${log}`);
    }
    await sleep(START_POLL_MS);
  }
  return { address: `unix:${socket}`, stop };
}
