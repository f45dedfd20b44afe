import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';

declare global {
  interface Window {
    /** Set only by the hostile strings of the markup tests, if one ever ran as script. */
    __pwned?: unknown;
  }
}

/**
 * Markup typed into text fields or set up as names, for the tests that show it is only ever
 * text. Each string proves itself if it is ever run or parsed: its handler or script sets
 * window.__pwned (or, for alertingImage, opens an alert), and its elements match
 * INJECTED_SELECTOR.
 */
export const HOSTILE_MARKUP = {
  patient: '<img src=x onerror="window.__pwned=1">Ann',
  visitor: '<script>window.__pwned=2</script>Jo',
  hospital: '<svg onload="window.__pwned=3"></svg>St <em>Elsewhere</em>',
  /** What a visitor types as their name on their phone. */
  typedVisitorName: '<img src=x onerror="window.__pwned=4"><b>Jo</b>',
  ward: '<i>Rose</i> ward & "Annex"',
  bed: '<b>B4</b>',
  bedChanged: '<marquee>B5</marquee>',
  cancelReason: '<iframe src="/"></iframe>Ward <u>closed</u>',
  /** For a page that fails on any dialog. */
  alertingImage: '<img src=x onerror=alert(1)>',
} as const;

/** Elements only the strings above create (the app's own screens have none of these). */
export const INJECTED_SELECTOR = 'img[src="x"], b, i, em, u, iframe, marquee, svg[onload], [onerror], [onload]';

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
