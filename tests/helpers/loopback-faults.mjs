// Network faults on the loopback of the private network namespace that call tests and call
// benchmarks run in (scripts/in-loopback-netns.sh): iptables to drop UDP or single ports (Wi-Fi
// lost, a path gone) and tc to shape UDP (a busy ward network). TCP (HTTP, socket.io) stays
// untouched. Nothing here can reach the host's network: every change first checks that the
// namespace has nothing but loopback. Plain JavaScript (types in loopback-faults.d.mts) so
// tests and benchmarks break the network the same way.
import { execFileSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';

/**
 * Issue 5's Wi-Fi losses, the same in the call tests (the call comes back by itself) and in
 * bench/reconnect.mjs (how long it takes): a short one under Chromium's ~6 s "disconnected"
 * timer, and a long one far past ICE failure (~16 s), after which the peer must be rebuilt.
 */
export const UDP_OUTAGES = { shortMs: 5_000, longMs: 45_000 };

/** Our own chain in the filter table, jumped to from INPUT: restoreNetwork() flushes it and nothing else. */
const CHAIN = 'WVV_FAULTS';
const IPTABLES = ['iptables', 'ip6tables'];
/** The first htb class UDP is shaped in (1:10, 1:11, … one per shaped port); unmatched traffic is not shaped (htb default 0). */
const SHAPED_CLASS_BASE = 10;
/** Bytes a shaped class may send at once: about one video packet, so bursts cannot hide the limit. */
const SHAPED_BURST = '2k';
/** Packets a shaped class may queue before it drops (a small router buffer: drops, not minutes of delay). */
const SHAPED_QUEUE_PACKETS = 30;

function assertLoopbackOnly() {
  const outside = Object.keys(networkInterfaces()).filter((name) => name !== 'lo');
  if (outside.length > 0) throw new Error(`network faults only inside a loopback-only namespace; this one has ${outside.join(', ')}`);
}

function run(command, args, { ignoreFailure = false } = {}) {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    if (ignoreFailure) return;
    const stderr = error.stderr?.toString().trim();
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr || String(error)}`);
  }
}

/** Creates the chain and its jump from INPUT once per namespace (idempotent). */
function ensureJump(command) {
  run(command, ['-N', CHAIN], { ignoreFailure: true });
  try {
    execFileSync(command, ['-C', 'INPUT', '-j', CHAIN], { stdio: 'ignore' });
  } catch {
    run(command, ['-I', 'INPUT', '-j', CHAIN]);
  }
}

function addRule(rule) {
  assertLoopbackOnly();
  for (const command of IPTABLES) {
    ensureJump(command);
    run(command, ['-A', CHAIN, '-i', 'lo', ...rule, '-j', 'DROP']);
  }
}

/** Every UDP packet on loopback dropped, both ways (a guest Wi-Fi that blocks UDP, or Wi-Fi gone for media). */
export function dropAllUdp() {
  addRule(['-p', 'udp']);
}

/** Packets to or from these ports dropped for good: the path they carried is gone. */
export function blockPorts(ports, protocol = 'udp') {
  for (const port of ports) {
    addRule(['-p', protocol, '--dport', String(port)]);
    addRule(['-p', protocol, '--sport', String(port)]);
  }
}

/** Lifts every drop rule (the network is back). */
export function restoreNetwork() {
  assertLoopbackOnly();
  for (const command of IPTABLES) run(command, ['-F', CHAIN], { ignoreFailure: true });
}

/**
 * UDP shaped to about `kbps` with an htb class and a short queue (tbf-like: packets beyond the
 * rate queue briefly, then drop). htb, not netem: this machine's kernel has htb, tbf and pfifo
 * but no netem, prio or fq_codel qdiscs ("Specified qdisc kind is unknown"), and tbf alone
 * cannot leave TCP unshaped. The filter matches IPv4 only: on loopback Chromium gathers
 * 127.0.0.1 candidates (plus a TCP active one), no ::1. On loopback both directions of a call cross the same
 * interface, so with `ports` each port gets its own class: pass both ends' media ports and
 * each direction gets `kbps` for itself, as on a real link. Without ports all UDP shares one.
 * TCP (the page's HTTP and socket.io) is never shaped.
 */
export function shapeBandwidth(kbps, ports = []) {
  assertLoopbackOnly();
  removeShaping();
  run('tc', ['qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', 'htb', 'default', '0']);
  const matches = ports.length ? ports.map((port) => ['match', 'ip', 'dport', String(port), '0xffff']) : [[]];
  matches.forEach((match, index) => {
    const classId = `1:${SHAPED_CLASS_BASE + index}`;
    const rate = `${kbps}kbit`;
    run('tc', ['class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', classId, 'htb', 'rate', rate, 'ceil', rate, 'burst', SHAPED_BURST, 'cburst', SHAPED_BURST]);
    run('tc', ['qdisc', 'add', 'dev', 'lo', 'parent', classId, 'pfifo', 'limit', String(SHAPED_QUEUE_PACKETS)]);
    run('tc', ['filter', 'add', 'dev', 'lo', 'parent', '1:', 'protocol', 'ip', 'prio', '1', 'u32', 'match', 'ip', 'protocol', '17', '0xff', ...match, 'flowid', classId]);
  });
}

export function removeShaping() {
  assertLoopbackOnly();
  run('tc', ['qdisc', 'del', 'dev', 'lo', 'root'], { ignoreFailure: true });
}

/** Every fault lifted: run it in afterEach, so one failed scenario cannot break the next. */
export function resetNetwork() {
  restoreNetwork();
  removeShaping();
}

/** What `tc -s class show dev lo` says, for a failure message (bytes sent and dropped per class). */
export function shapingReport() {
  try {
    return execFileSync('tc', ['-s', 'class', 'show', 'dev', 'lo']).toString();
  } catch (error) {
    return String(error);
  }
}
