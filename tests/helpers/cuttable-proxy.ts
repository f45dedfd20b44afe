import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of the test server that can be cut: every connection through it is
 * dropped and new ones are refused, as when a ward's Wi-Fi is up but goes nowhere. Unlike
 * Playwright's setOffline, the browser is not told (navigator.onLine stays true), so a page
 * has to notice by itself.
 */
export interface CuttableProxy {
  /** The address pages use instead of the server's. */
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startCuttableProxy(target: string): Promise<CuttableProxy> {
  const { hostname, port: targetPort } = new URL(target);
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  };
  let server: Server | null = null;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(Number(targetPort), hostname);
        track(client);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve((next.address() as { port: number }).port));
      server = next;
    });
  const stop = async () => {
    const closing = server;
    server = null;
    for (const socket of open) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    cut: stop,
    restore: async () => void (await listen(port)),
    close: stop,
  };
}
