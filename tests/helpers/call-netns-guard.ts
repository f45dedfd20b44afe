// Setup file of the `call` Vitest project: call tests run only inside a loopback-only network
// namespace (scripts/in-loopback-netns.sh), so WebRTC never touches another address and a
// plain `vitest run` outside one fails here with the way to run them instead.
import { networkInterfaces } from 'node:os';

const outside = Object.keys(networkInterfaces()).filter((name) => name !== 'lo');
if (outside.length > 0) {
  throw new Error(
    `call tests must run inside a loopback-only network namespace, but this one also has ${outside.join(', ')}. ` +
      'Run them with `npm run test:call` (or `bash scripts/in-loopback-netns.sh npx vitest run --project call`).',
  );
}
