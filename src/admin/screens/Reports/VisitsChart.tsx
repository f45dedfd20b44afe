import type { ReportDay } from '../../../shared/admin.js';
import { longDay, shortDay } from '../../format.js';

/**
 * Visits booked and completed per day, as bars drawn in SVG on the page. The viewBox scales
 * it to any width (width 100%), so it fits a 768px tablet as well as a desktop. Colours are
 * presentation attributes and classes, never style=: the Content-Security-Policy forbids
 * inline styles. The picture is one image to a screen reader, with a summary in words; the
 * table after it holds every figure.
 */
const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 8, bottom: 34, left: 40 };
/** In viewBox units: about 14px on a 768px tablet, larger on a desktop as the chart scales up. */
const FONT_SIZE = 14;
/** At most this many day labels under the bars, so they never run into each other. */
const MAX_X_LABELS = 8;
/** Each day's slot: two bars side by side, with a gap between days. */
const BAR_SHARE = 0.4;
export const COLOURS = { booked: '#005eb8', completed: '#007f3b', grid: '#d8dde0', text: '#4c6272' } as const;

/** A round top for the scale: 1, 2, 5, 10, 20, 50… at or above the largest count. */
export function scaleTop(largest: number): number {
  if (largest <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  return ([1, 2, 5, 10].map((step) => step * power).find((top) => top >= largest) ?? 10 * power);
}

export function chartSummary(days: readonly ReportDay[]): string {
  if (days.length === 0) return 'Bar chart of visits per day: no days in the range.';
  const booked = days.reduce((sum, day) => sum + day.booked, 0);
  const completed = days.reduce((sum, day) => sum + day.completed, 0);
  const busiest = days.reduce((best, day) => (day.booked > best.booked ? day : best), days[0]!);
  const range = `${longDay(days[0]!.day)} to ${longDay(days[days.length - 1]!.day)}`;
  const peak = busiest.booked > 0 ? ` The busiest day was ${longDay(busiest.day)}, with ${busiest.booked} booked.` : '';
  return `Bar chart of visits booked and completed per day, ${range}: ${booked} booked and ${completed} completed in all.${peak} The table after the chart gives each day's figures.`;
}

export function VisitsChart({ days }: { days: readonly ReportDay[] }) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = scaleTop(Math.max(0, ...days.map((day) => Math.max(day.booked, day.completed))));
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = slot * BAR_SHARE;
  const y = (count: number) => MARGIN.top + plotHeight - (count / top) * plotHeight;
  const labelEvery = Math.ceil(days.length / MAX_X_LABELS);
  const ticks = top === 1 ? [0, 1] : [0, top / 2, top];

  return (
    <figure class="app-chart">
      <ul class="app-chart__legend" aria-hidden="true">
        <li>
          <span class="app-chart__key app-chart__key--booked" />
          Booked
        </li>
        <li>
          <span class="app-chart__key app-chart__key--completed" />
          Completed
        </li>
      </ul>
      <svg class="app-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={chartSummary(days)} focusable="false">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke={COLOURS.grid} stroke-width="1" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} text-anchor="end" font-size={FONT_SIZE} fill={COLOURS.text}>
              {tick}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = MARGIN.left + index * slot + (slot - 2 * barWidth) / 2;
          return (
            <g key={day.day}>
              <rect x={x} y={y(day.booked)} width={barWidth} height={y(0) - y(day.booked)} fill={COLOURS.booked} />
              <rect x={x + barWidth} y={y(day.completed)} width={barWidth} height={y(0) - y(day.completed)} fill={COLOURS.completed} />
              {index % labelEvery === 0 && (
                <text x={MARGIN.left + index * slot + slot / 2} y={HEIGHT - MARGIN.bottom + 20} text-anchor="middle" font-size={FONT_SIZE} fill={COLOURS.text}>
                  {shortDay(day.day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
