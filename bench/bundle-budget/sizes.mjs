// Compressed sizes of built files, as the server sends them: the .br and .gz copies that
// scripts/precompress.mjs wrote beside each file (compressed here the same way when a build
// has none, as before compression was added). Deterministic, unlike bytes on the wire, which
// vary with headers and chunking.
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

function copyOr(path, compress) {
  return existsSync(path) ? readFileSync(path).length : compress().length;
}

export function compressedSizes(path) {
  const body = readFileSync(path);
  return {
    raw: body.length,
    gzip: copyOr(`${path}.gz`, () => gzipSync(body, { level: constants.Z_BEST_COMPRESSION })),
    brotli: copyOr(`${path}.br`, () => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } })),
  };
}
