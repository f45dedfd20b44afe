// Types of ward-sign-in.mjs, which stays plain JavaScript so the benchmarks can import it under node.
import type { Page } from 'playwright-core';

/** What a nurse types to sign a tablet in, and the ward name the list then shows. */
export interface WardSignIn {
  wardCode: string;
  pin: string;
  wardName: string;
}

export declare function signInWard(page: Page, ward: WardSignIn): Promise<void>;
export declare function submitSignIn(page: Page, ward: WardSignIn): Promise<void>;
