/**
 * zod/mini, for the schemas the browser parses (live pushes on the ward's socket, messages on a
 * call's data channel). Its functions are separate exports, so a bundle keeps only the checks it
 * uses (a few kB gzipped, against about 25 kB for classic zod, whose every schema carries every
 * method), and its object parser never builds code with `new Function`, which the pages'
 * Content-Security-Policy refuses. Classic zod (./zod.ts) stays for schemas only the server
 * parses; vite.config.ts lets the bundler drop those from the pages (`manualPureFunctions`).
 */
export { z } from 'zod/mini';
