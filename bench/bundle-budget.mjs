// Each page's first load (JS and CSS gzipped, and brotli; requests) against its budget.
// Run: npm run build && npm run bench:bundle-budget   (--json prints the figures for the test)
import { parseArgs } from 'node:util';
import { BUDGETS } from './bundle-budget/budgets.mjs';
import { measureFirstLoads } from './bundle-budget/first-load.mjs';

const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const results = (await measureFirstLoads()).map((r) => ({ ...r, budget: BUDGETS[r.page] }));

if (args.json) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  const kb = (bytes) => (bytes / 1000).toFixed(1);
  const rows = [
    '| page | JS gzip kB (target / enforced) | JS brotli kB | CSS gzip kB (target / enforced) | requests (scripts) | JS fetched later, gzip kB |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) =>
      `| ${r.page} | ${kb(r.js.gzip)} (${kb(r.budget.js.target)} / ${kb(r.budget.js.ceiling)}) | ${kb(r.js.brotli)} | ${kb(r.css.gzip)} (${kb(r.budget.css.target)} / ${kb(r.budget.css.ceiling)}) | ${r.requests} (${r.scriptRequests}) | ${kb(r.later.gzip)} |`),
  ];
  console.log(rows.join('\n'));
  for (const r of results) {
    console.log(`\n${r.page}: ${[...r.js.files, ...r.css.files].map((f) => `${f.path} ${kb(f.gzip)}`).join(', ')}`);
  }
}
