// The bare baseline relay: the least a simple-peer call needs. A socket.io server on 127.0.0.1
// port 0 that puts each socket in the room it asks for and forwards `signal` payloads to the
// other sockets in that room, untouched. It also serves the baseline page and simple-peer's
// browser bundle; socket.io serves its own client at /socket.io/socket.io.min.js.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { Server } from 'socket.io';

const root = resolve(import.meta.dirname, '../..');
const FILES = {
  '/': { path: resolve(import.meta.dirname, 'index.html'), type: 'text/html; charset=utf-8' },
  '/simplepeer.min.js': { path: resolve(root, 'node_modules/simple-peer/simplepeer.min.js'), type: 'text/javascript' },
};

/** Starts the relay; resolves to its origin (`http://127.0.0.1:PORT`) and a `close`. */
export async function startBaselineRelay() {
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
  await new Promise((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => io.close(() => done())),
  };
}
