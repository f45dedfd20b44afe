import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Drops CSS rules for nhsuk-frontend classes that no page of ours can ever carry: the
 * design system's Sass is compiled by component, and a component brings all its variants
 * (the header's search and menu, five button colours, every tag colour, spacing utilities at
 * every size and side). Lighthouse measured 170 KiB of CSS unused; issue 16 asks for 15 kB
 * gzipped per page.
 *
 * A class counts as used when its name is written out in our source (src/**: TSX, TS, HTML).
 * A name we build at run time (`nhsuk-tag--${colour}`) is found by its written start and keeps
 * every class that starts so. Classes that are not nhsuk's are never touched, nor are rules
 * without a class (elements, attributes), so our own styles and nhsuk's base styles stay whole.
 */
const OURS = /\.(nhsuk-[A-Za-z0-9_-]+)/g;
const SOURCE = /\.(?:tsx?|html)$/;
/** A class name written in source: whole, or the start of one built with a template string. */
const WRITTEN = /nhsuk-[a-z0-9_-]+(\$\{)?/g;

export interface UsedClasses {
  names: Set<string>;
  prefixes: string[];
}

/** The nhsuk classes written in these folders' source files. */
export function classesWrittenIn(folders: string[]): UsedClasses {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(WRITTEN)) {
          if (match[1]) prefixes.add(match[0].slice(0, -2));
          else names.add(match[0]);
        }
      }
    }
  };
  folders.forEach(walk);
  return { names, prefixes: [...prefixes] };
}

const isUsed = (name: string, used: UsedClasses) => used.names.has(name) || used.prefixes.some((prefix) => name.startsWith(prefix));

/** `:not(…)`, with one level of parentheses inside: a class it names need not be on the page. */
const NEGATION = /:not\((?:[^()]|\([^()]*\))*\)/g;
/** `:is(…)` and `:where(…)` match when any one of their selectors does: kept whole, to be safe. */
const ALTERNATIVES = /:(?:is|where)\(/;

/**
 * Whether a selector can match on our pages: every nhsuk class it needs is one we write. A
 * class under `:not()` is not needed (`.nhsuk-label:not(.nhsuk-label--m) + .nhsuk-hint` styles
 * every hint after a plain label); one under `:has()` is.
 */
function canMatch(selector: string, used: UsedClasses): boolean {
  if (ALTERNATIVES.test(selector)) return true;
  return [...selector.replace(NEGATION, '').matchAll(OURS)].every((match) => isUsed(match[1]!, used));
}

/** The part of PostCSS's API this needs, so it depends on no PostCSS package of its own. */
interface CssRule {
  selectors: string[];
  parent: { type: string; nodes?: unknown[] } | undefined;
  remove(): void;
}
interface CssRoot {
  source?: { input: { file?: string } };
  walkRules(visit: (rule: CssRule) => void): void;
  walkAtRules(visit: (atRule: { nodes?: unknown[]; remove(): void; name: string }) => void): void;
}

/**
 * A PostCSS plugin (Vite's `css.postcss.plugins`) that drops selectors naming unused nhsuk
 * classes. `usedFor` says which classes count for a stylesheet (by its file), so each surface's
 * stylesheet keeps only what that surface's screens write.
 */
export function dropUnusedNhsukClasses(usedFor: (stylesheet: string) => UsedClasses) {
  return {
    postcssPlugin: 'drop-unused-nhsuk-classes',
    OnceExit(root: CssRoot) {
      const stylesheet = root.source?.input.file;
      // Only our Sass: a stylesheet from elsewhere (none today) is left as it came.
      if (!stylesheet || !/\.scss$/.test(stylesheet)) return;
      const used = usedFor(stylesheet);
      root.walkRules((rule) => {
        // Keyframe steps (`from`, `50%`) are not selectors.
        if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as { name?: string }).name ?? '')) return;
        const kept = rule.selectors.filter((selector) => canMatch(selector, used));
        if (kept.length === 0) rule.remove();
        else if (kept.length < rule.selectors.length) rule.selectors = kept;
      });
      // A media query left with nothing in it.
      root.walkAtRules((atRule) => {
        if (atRule.name !== 'font-face' && atRule.nodes && atRule.nodes.length === 0) atRule.remove();
      });
    },
  };
}
