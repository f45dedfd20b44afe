/** Build stamp, replaced by Vite's `define` (vite.config.ts) when the worker is bundled. */
declare const __BUILD_VERSION__: string;
