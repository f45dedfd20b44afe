// The baseline: a bare socket.io relay, the least any signalling relay does. Each socket joins
// the room its handshake names and every "signal" goes to the room's other sockets. No
// sign-in, no schema, no budget, no record of who may talk to whom. With REDIS_URL, the same
// Redis streams adapter as the product, so two nodes compare like with like.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
if (process.env.REDIS_URL) {
  const { createClient } = await import('redis');
  const { createAdapter } = await import('@socket.io/redis-streams-adapter');
  const client = createClient({ url: process.env.REDIS_URL });
  await client.connect();
  io.adapter(createAdapter(client));
}
io.of('/call').on('connection', (socket) => {
  const room = String(socket.handshake.query.room);
  void socket.join(room);
  socket.on('signal', (payload) => socket.to(room).emit('signal', payload));
});
http.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`bare relay is running at http://127.0.0.1:${process.env.PORT}\n`));
