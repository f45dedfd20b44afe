import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabItem<Id extends string> {
  id: Id;
  label: string;
  panel: ComponentChildren;
}

export interface TabsProps<Id extends string> {
  /** Names the tab list for screen readers (nhsuk's visible "Contents" heading). */
  title: string;
  items: readonly TabItem<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
}

/**
 * NHS tabs with the ARIA that nhsuk's script adds (tablist, roving tabindex, arrow keys),
 * rendered by Preact so the selected tab can live in the URL.
 * https://www.w3.org/WAI/ARIA/apg/patterns/tabs/
 */
export function Tabs<Id extends string>({ title, items, selected, onSelect }: TabsProps<Id>) {
  const tabs = useRef<Array<HTMLAnchorElement | null>>([]);
  const move = (from: number, step: number) => {
    const next = (from + step + items.length) % items.length;
    onSelect(items[next]!.id);
    tabs.current[next]?.focus();
  };
  return (
    <div class="nhsuk-tabs app-tabs">
      <h2 class="nhsuk-tabs__heading">{title}</h2>
      <ul class="nhsuk-tabs__list" role="tablist">
        {items.map((item, index) => {
          const isSelected = item.id === selected;
          return (
            <li key={item.id} class={isSelected ? 'nhsuk-tabs__list-item nhsuk-tabs__list-item--selected' : 'nhsuk-tabs__list-item'} role="presentation">
              <a
                ref={(el) => {
                  tabs.current[index] = el;
                }}
                class="nhsuk-tabs__tab"
                href={`#${item.id}`}
                id={`tab_${item.id}`}
                role="tab"
                aria-controls={item.id}
                aria-selected={isSelected}
                tabIndex={isSelected ? 0 : -1}
                onClick={(event) => {
                  event.preventDefault();
                  onSelect(item.id);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                    event.preventDefault();
                    move(index, event.key === 'ArrowRight' ? 1 : -1);
                  }
                }}
              >
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
      {items.map((item) => (
        <div
          key={item.id}
          class={item.id === selected ? 'nhsuk-tabs__panel' : 'nhsuk-tabs__panel nhsuk-tabs__panel--hidden'}
          id={item.id}
          role="tabpanel"
          aria-labelledby={`tab_${item.id}`}
          hidden={item.id !== selected}
        >
          {item.panel}
        </div>
      ))}
    </div>
  );
}
