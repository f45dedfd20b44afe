import { request, type IncomingHttpHeaders } from 'node:http';

/**
 * HTTP exactly as given, which fetch will not send: paths with "..", stray "%" and markup left
 * as they are, any bytes as the body, any Content-Type or none, and a chosen source address
 * on the loopback network (127.x.y.z), so the per-address limit on wrong credentials can be
 * kept from answering for every payload.
 */
export interface RawRequest {
  method: string;
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  localAddress?: string;
}

export interface RawAnswer {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
  headers: IncomingHttpHeaders;
}

export function sendRaw(baseUrl: string, raw: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  // Always a length: without one, Node sends a GET or DELETE body with no framing at all.
  const length = raw.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(raw.body)) };
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: hostname, port, method: raw.method, path: raw.path, headers: { ...raw.headers, ...length }, localAddress: raw.localAddress, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: any;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode!, text, json, headers: response.headers });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}
