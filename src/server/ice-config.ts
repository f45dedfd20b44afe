import { z } from 'zod';
import type { IceServer, IceTransportPolicy } from '../shared/index.js';
import { ConfigError } from './config-error.js';

/**
 * How calls find a path: STUN and TURN servers and the ICE transport policy, read from
 * ICE_SERVERS, STUN_URLS, TURN_URLS, TURN_SECRET and ICE_TRANSPORT_POLICY. docs/deploy.md
 * says how a trust runs coturn to match.
 */
export interface IceConfig {
  /** ICE_SERVERS as given: handed to every participant unchanged. */
  staticServers: IceServer[];
  /** STUN_URLS: no credentials needed. */
  stunUrls: string[];
  /** TURN_URLS with the coturn shared secret: each participant gets its own credential. */
  turn: { urls: string[]; secret: string } | null;
  transportPolicy: IceTransportPolicy;
}

/** The coturn secret signs every credential; a short one could be guessed from one of them. */
const TURN_SECRET_MIN_LENGTH = 32;

// A host name, IPv4 or [IPv6] address, an optional port, and for TURN an optional transport.
// No user info, path or other query: a browser would reject them, or they hide a mistake.
const HOST_PORT = String.raw`(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?`;
const TURN_URL = new RegExp(String.raw`^(?:turn:${HOST_PORT}(?:\?transport=(?:udp|tcp))?|turns:${HOST_PORT}(?:\?transport=tcp)?)$`);
// Browsers do not speak STUN over TLS (stuns:), so only stun: is accepted.
const STUN_URL = new RegExp(String.raw`^stun:${HOST_PORT}$`);

const iceServersSchema = z.array(
  z.strictObject({
    urls: z.union([z.string().regex(/^(stun|turns?):/), z.array(z.string().regex(/^(stun|turns?):/)).min(1)]),
    username: z.string().optional(),
    credential: z.string().optional(),
  }),
);

function readIceServers(value: string | undefined): IceServer[] {
  if (value === undefined || value.trim() === '') return [];
  try {
    return iceServersSchema.parse(JSON.parse(value));
  } catch {
    throw new ConfigError('ICE_SERVERS', 'must be a JSON array like [{"urls":"stun:stun.example.org:3478"}]');
  }
}

/** A comma-separated list; each entry must match, and the message names the first that does not. */
function readUrlList(variable: string, value: string | undefined, shape: RegExp, example: string): string[] {
  if (value === undefined || value.trim() === '') return [];
  const urls = value.split(',').map((url) => url.trim());
  const bad = urls.find((url) => !shape.test(url));
  if (bad !== undefined) {
    throw new ConfigError(variable, `must be a comma-separated list of URLs like ${example} ("${bad.slice(0, 80)}" is not one)`);
  }
  return urls;
}

function readTurn(env: NodeJS.ProcessEnv): IceConfig['turn'] {
  const urls = readUrlList(
    'TURN_URLS',
    env.TURN_URLS,
    TURN_URL,
    'turn:turn.example.org:3478?transport=udp,turn:turn.example.org:3478?transport=tcp,turns:turn.example.org:443?transport=tcp',
  );
  const secret = env.TURN_SECRET ?? '';
  if (urls.length === 0) {
    if (secret !== '') throw new ConfigError('TURN_SECRET', 'is set but TURN_URLS is not: set both, or neither');
    return null;
  }
  if (secret === '') throw new ConfigError('TURN_SECRET', "must be set when TURN_URLS is: the same text as coturn's static-auth-secret");
  if (secret.length < TURN_SECRET_MIN_LENGTH) {
    throw new ConfigError('TURN_SECRET', `must be at least ${TURN_SECRET_MIN_LENGTH} characters of random text (the same as coturn's static-auth-secret)`);
  }
  return { urls, secret };
}

const TRANSPORT_POLICIES: IceTransportPolicy[] = ['all', 'relay'];

function readTransportPolicy(value: string | undefined): IceTransportPolicy {
  const chosen = value === undefined || value === '' ? 'all' : value;
  if (!(TRANSPORT_POLICIES as string[]).includes(chosen)) {
    throw new ConfigError('ICE_TRANSPORT_POLICY', `must be one of ${TRANSPORT_POLICIES.join(', ')} (it is "${chosen.slice(0, 40)}")`);
  }
  return chosen as IceTransportPolicy;
}

const isTurnUrl = (url: string) => /^turns?:/.test(url);

export function readIceConfig(env: NodeJS.ProcessEnv): IceConfig {
  const config: IceConfig = {
    staticServers: readIceServers(env.ICE_SERVERS),
    stunUrls: readUrlList('STUN_URLS', env.STUN_URLS, STUN_URL, 'stun:stun.example.org:3478'),
    turn: readTurn(env),
    transportPolicy: readTransportPolicy(env.ICE_TRANSPORT_POLICY),
  };
  // 'relay' with no TURN server gathers no candidates at all: every call would fail to connect.
  const staticTurn = config.staticServers.some((server) => [server.urls].flat().some(isTurnUrl));
  if (config.transportPolicy === 'relay' && !config.turn && !staticTurn) {
    throw new ConfigError('ICE_TRANSPORT_POLICY', 'is "relay", which needs a TURN server: set TURN_URLS and TURN_SECRET too');
  }
  return config;
}
