import { randomUUID } from 'node:crypto';
import type { BookingFields, Command, Visit } from '../../src/shared/index.js';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tablet's HTTP conversation with the server, keeping its session cookie like a browser. */
export class ApiClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    const init: RequestInit = { method, headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text, so a test can say what came back.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** The cookie this client holds, as a Cookie header (for sockets). */
  get cookieHeader(): string {
    return this.cookie;
  }

  /** What a visitor's page does on first load: swaps the link's token for a visitor session. */
  openVisit(token: string) {
    return this.request('POST', '/api/visitor-session', { token });
  }

  signIn(wardCode: string, pin: string) {
    return this.request('POST', '/api/session', { wardCode, pin });
  }

  /** Either the applied visits or an error: tests read whichever the status says. */
  send(command: Command) {
    return this.request<{ visits: Visit[]; error: any }>('POST', '/api/commands', command);
  }

  list() {
    return this.request<{ visits: Visit[]; asOf: string; error: any }>('GET', '/api/visits');
  }
}

/** A ward tablet's API client signed in to the server's demo ward. */
export async function signedInDemoWard(server: { url: string; demo: { wardCode: string; pin: string } }): Promise<ApiClient> {
  const tablet = new ApiClient(server.url);
  const answer = await tablet.signIn(server.demo.wardCode, server.demo.pin);
  if (answer.status !== 200) throw new Error(`demo ward sign-in failed: ${answer.status}`);
  return tablet;
}

export function booking(overrides: Partial<BookingFields> = {}): BookingFields {
  return {
    patientName: 'Alex Example',
    bed: '12',
    visitorName: 'Sam Example',
    visitorMobile: '07700 900982',
    visitorEmail: null,
    date: '2026-12-01',
    time: '14:30',
    lengthMinutes: 30,
    repeatDays: 1,
    ...overrides,
  };
}

export type BookCommand = Extract<Command, { type: 'book' }>;

export function book(fields: Partial<BookingFields> = {}): BookCommand {
  const all = booking(fields);
  return { type: 'book', key: randomUUID(), visitIds: newIds(all.repeatDays), fields: all };
}

/** Fresh ids for the visits a booking or rebooking creates, one a day. */
export function newIds(days = 1): string[] {
  return Array.from({ length: days }, () => randomUUID());
}
