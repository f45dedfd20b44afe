// Types of chromium.mjs, which stays plain JavaScript so the benchmarks can import it under node.
import type { Browser, BrowserContext } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare const CALL_ARGS: string[];
export declare const VIEWPORTS: {
  readonly tablet: { readonly width: 768; readonly height: 1024 };
  readonly phone: { readonly width: 375; readonly height: 667 };
};
export declare function launchChromium(extraArgs?: string[]): Promise<Browser>;
export declare function launchCallChromium(extraArgs?: string[]): Promise<Browser>;
export declare function newCallContext(browser: Browser, origin: string, viewport?: { width: number; height: number }): Promise<BrowserContext>;
