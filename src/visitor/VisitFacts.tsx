import type { ComponentChildren } from 'preact';
import './visitor.scss';

/**
 * A visit's few facts (date, time, ward, …) as two columns, even on a phone: the NHS summary
 * list stacks each row below 641 px, which pushed the landing page's start button off a
 * 375 × 667 screen. Visitor pages have no "Change" links, which is what a summary list adds.
 */
export function VisitFacts({ rows }: { rows: [key: string, value: ComponentChildren][] }) {
  return (
    <dl class="app-visit-facts">
      {rows.map(([key, value]) => (
        <div key={key} class="app-visit-facts__row">
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
