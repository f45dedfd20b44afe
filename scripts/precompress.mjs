// Writes a .br and a .gz beside every compressible file in dist/ui, once, at build time, at
// the best levels (far too slow per request, free once). @fastify/static's `preCompressed`
// then sends the one the browser accepts: br, else gzip, else the file itself.
//
// A script rather than a Vite plugin: it runs after the whole `vite build`, so it also sees
// sw.js, which vite-plugin-pwa writes after the pages' bundle; and node:zlib has both
// encoders, so nothing new is installed.
//
// Run by `npm run build`; by hand: node scripts/precompress.mjs [folder]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const folder = resolve(process.argv[2] ?? join(import.meta.dirname, '../dist/ui'));
/** Text formats; images (PNG, ICO) are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|webmanifest|json|txt|map)$/;
/** Below this, a compressed copy saves less than its headers cost (the server's API threshold too). */
const MIN_BYTES = 1024;
/** Keep a copy only when it is at least this much smaller. */
const MAX_RATIO = 0.9;

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

let written = 0;
for (const path of filesUnder(folder)) {
  if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue;
  const body = readFileSync(path);
  const copies = {
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gz: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }),
  };
  for (const [extension, copy] of Object.entries(copies)) {
    if (copy.length > body.length * MAX_RATIO) continue;
    writeFileSync(`${path}.${extension}`, copy);
    written++;
  }
}
console.log(`precompress: ${written} .br and .gz files in ${folder}`);
