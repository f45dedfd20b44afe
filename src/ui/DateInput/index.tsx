import type { ComponentChildren } from 'preact';
import { ErrorMessage } from '../TextInput/index.js';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateInputProps {
  /** The error summary links to `${id}-day`. */
  id: string;
  legend: string;
  hint?: string;
  value: DateParts;
  onInput: (value: DateParts) => void;
  error?: string | undefined;
  /** Shown under the boxes, inside the fieldset: shortcuts such as "Today". */
  children?: ComponentChildren;
}

const PARTS = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
] as const;

/** NHS date input: three text boxes for day, month and year in a fieldset. */
export function DateInput(props: DateInputProps) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset class="nhsuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{props.legend}</legend>
        {props.hint && (
          <div class="nhsuk-hint" id={hintId!}>
            {props.hint}
          </div>
        )}
        {props.error && <ErrorMessage id={errorId!} message={props.error} />}
        <div class="nhsuk-date-input" id={props.id}>
          {PARTS.map(({ part, label, width }) => (
            <div class="nhsuk-date-input__item" key={part}>
              <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-date-input__label" for={`${props.id}-${part}`}>
                  {label}
                </label>
                <input
                  class={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${props.error ? ' nhsuk-input--error' : ''}`}
                  id={`${props.id}-${part}`}
                  name={`${props.id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  value={props.value[part]}
                  onInput={(event) => props.onInput({ ...props.value, [part]: event.currentTarget.value })}
                />
              </div>
            </div>
          ))}
        </div>
        {props.children}
      </fieldset>
    </div>
  );
}
