import type { ComponentChildren } from 'preact';
import './table.scss';

export interface TableColumn {
  label: string;
  /** Numbers line up on the right, as nhsuk's numeric format does. */
  numeric?: boolean;
}

export interface TableProps {
  /** Read out first by a screen reader, and names the scrolling region. */
  caption: string;
  /** Makes the caption's id: `${id}-caption`. */
  id: string;
  columns: readonly TableColumn[];
  /** The first cell of each row is its header (a day, a name). */
  rows: readonly (readonly ComponentChildren[])[];
  captionSize?: 's' | 'm' | 'l';
}

/**
 * NHS table, in nhsuk's scroll markup: a region that scrolls sideways when the table is wider
 * than the screen, so the page itself never does. The region can take focus, so keyboard
 * users can scroll it too (axe's scrollable-region-focusable). Row headers (a day, a time)
 * do not wrap: "Mon 2 Nov" over three lines is hard to read. Needs nhsuk's tables and scroll
 * styles in the surface's stylesheet (the admin area's has them).
 */
export function Table({ caption, id, columns, rows, captionSize = 'm' }: TableProps) {
  const captionId = `${id}-caption`;
  const cellClass = (base: string, numeric: boolean | undefined) => (numeric ? `${base} ${base}--numeric` : base);
  return (
    <div class="nhsuk-scroll">
      <div class="nhsuk-scroll__content" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table class="nhsuk-table" id={id}>
          <caption class={`nhsuk-table__caption nhsuk-table__caption--${captionSize}`} id={captionId}>
            {caption}
          </caption>
          <thead class="nhsuk-table__head">
            <tr class="nhsuk-table__row">
              {columns.map((column) => (
                <th key={column.label} class={cellClass('nhsuk-table__header', column.numeric)} scope="col">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {rows.map((row, rowIndex) => (
              <tr key={rowIndex} class="nhsuk-table__row">
                {row.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} class="nhsuk-table__header app-table__row-header" scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} class={cellClass('nhsuk-table__cell', columns[index]?.numeric)}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
