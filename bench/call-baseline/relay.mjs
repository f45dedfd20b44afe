// The bare baseline relay: the least a simple-peer call needs. A socket.io server on 127.0.0.1
// that puts each socket in the room it asks for and forwards `signal` payloads to the other
// sockets in that room, untouched. It also serves the baseline pages (index.html for call
// setup, rebuild.html for reconnection) and simple-peer's browser bundle; socket.io serves its
// own client at /socket.io/socket.io.min.js.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { Server } from 'socket.io';

const root = resolve(import.meta.dirname, '../..');
const FILES = {
  '/': { path: resolve(import.meta.dirname, 'index.html'), type: 'text/html; charset=utf-8' },
  '/rebuild.html': { path: resolve(import.meta.dirname, 'rebuild.html'), type: 'text/html; charset=utf-8' },
  '/simplepeer.min.js': { path: resolve(root, 'node_modules/simple-peer/simplepeer.min.js'), type: 'text/javascript' },
};

/**
 * Starts the relay on `port` (0: a free one; a restart passes the old one, so pages keep their
 * origin); resolves to its origin (`http://127.0.0.1:PORT`), port, socket count and a `close`.
 */
export async function startBaselineRelay(port = 0) {
  const http = createServer(async (request, response) => {
    const file = FILES[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file.type }).end(await readFile(file.path));
  });
  const io = new Server(http);
  io.on('connection', (socket) => {
    socket.on('join', (room, ack) => {
      socket.data.room = String(room);
      socket.join(socket.data.room);
      ack?.();
    });
    socket.on('signal', (data) => {
      if (socket.data.room) socket.to(socket.data.room).emit('signal', data);
    });
  });
  await new Promise((done) => http.listen(port, '127.0.0.1', done));
  const listening = http.address().port;
  return {
    url: `http://127.0.0.1:${listening}`,
    port: listening,
    sockets: () => io.of('/').sockets.size,
    // A killed relay drops every connection: io.close() alone waited for minutes on one that
    // socket.io did not end (seen in the reconnect benchmark, a page's socket mid-reconnect).
    close: () =>
      new Promise((done) => {
        io.close(() => done());
        http.closeAllConnections();
      }),
  };
}
