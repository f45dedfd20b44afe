import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';

declare global {
  interface Window {
    /** Set only by the hostile strings of the markup tests, if one ever ran as script. */
    __pwned?: unknown;
  }
}

/** What a browser context reported that markup run as code would cause. */
export interface InjectionWatch {
  /** Console messages about the Content-Security-Policy: an injected handler or script was refused. */
  cspReports: string[];
  pageErrors: string[];
}

export function watchForInjection(context: BrowserContext): InjectionWatch {
  const watch: InjectionWatch = { cspReports: [], pageErrors: [] };
  context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) watch.cspReports.push(message.text());
  });
  context.on('weberror', (error) => watch.pageErrors.push(error.error().message));
  return watch;
}

/**
 * What markup rendered as HTML left in the page: elements matching `selector` (choose one
 * that only the hostile strings can create), scripts mentioning __pwned, and window.__pwned.
 */
export function injectedElements(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found = Array.from(document.querySelectorAll(selector), (element) => element.outerHTML.slice(0, 80));
    for (const script of Array.from(document.querySelectorAll('script'))) {
      if (script.textContent?.includes('__pwned')) found.push(script.outerHTML);
    }
    if (window.__pwned !== undefined) found.push(`window.__pwned = ${String(window.__pwned)}`);
    return found;
  }, selector);
}

/**
 * The screen shows each string as its literal characters (inside `scope`, default the body),
 * and nothing was injected, run, or refused by the Content-Security-Policy.
 */
export async function expectShownAsText(
  page: Page,
  screen: string,
  values: string[],
  { watch, selector, scope = page.locator('body') }: { watch: InjectionWatch; selector: string; scope?: Locator },
): Promise<void> {
  for (const value of values) {
    await expect.poll(() => scope.getByText(value).filter({ visible: true }).count(), { message: `${screen} shows ${value}` }).toBeGreaterThan(0);
  }
  expect(await injectedElements(page, selector), screen).toEqual([]);
  expect(watch.cspReports, screen).toEqual([]);
  expect(watch.pageErrors, screen).toEqual([]);
}
