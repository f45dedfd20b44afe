import type { ComponentChildren } from 'preact';

export interface SummaryRow {
  key: string;
  value: ComponentChildren;
  /** A "Change" link; the visually hidden text says what it changes. */
  change?: { href: string; onClick?: (event: MouseEvent) => void } | undefined;
}

/** NHS summary list. Rows without a Change link get the no-actions modifier so columns line up. */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  const anyActions = rows.some((row) => row.change);
  return (
    <dl class="nhsuk-summary-list">
      {rows.map((row) => (
        <div
          key={row.key}
          class={anyActions && !row.change ? 'nhsuk-summary-list__row nhsuk-summary-list__row--no-actions' : 'nhsuk-summary-list__row'}
        >
          <dt class="nhsuk-summary-list__key">{row.key}</dt>
          <dd class="nhsuk-summary-list__value">{row.value}</dd>
          {row.change && (
            <dd class="nhsuk-summary-list__actions">
              <a href={row.change.href} onClick={row.change.onClick}>
                Change<span class="nhsuk-u-visually-hidden"> {row.key.toLowerCase()}</span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
