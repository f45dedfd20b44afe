import { Fragment, type ComponentChildren } from 'preact';
import { ErrorMessage } from '../TextInput/index.js';

export interface RadioItem {
  value: string;
  label: string;
  /** Shown under the option while it is chosen (nhsuk "conditional reveal"). */
  conditional?: ComponentChildren;
}

export interface RadiosProps {
  name: string;
  legend: string;
  items: readonly RadioItem[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** NHS radios. The first option's id is the name, so an error summary can link to it. */
export function Radios(props: RadiosProps) {
  const errorId = props.error ? `${props.name}-error` : undefined;
  return (
    <div class={props.error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset class="nhsuk-fieldset" aria-describedby={errorId}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{props.legend}</legend>
        {props.error && <ErrorMessage id={errorId!} message={props.error} />}
        <div class="nhsuk-radios">
          {props.items.map((item, index) => {
            const id = index === 0 ? props.name : `${props.name}-${index + 1}`;
            const checked = props.value === item.value;
            const conditionalId = `${id}-conditional`;
            return (
              <Fragment key={item.value}>
                <div class="nhsuk-radios__item">
                  <input
                    class="nhsuk-radios__input"
                    id={id}
                    name={props.name}
                    type="radio"
                    value={item.value}
                    checked={checked}
                    aria-controls={item.conditional ? conditionalId : undefined}
                    onChange={() => props.onChange(item.value)}
                  />
                  <label class="nhsuk-label nhsuk-radios__label" for={id}>
                    {item.label}
                  </label>
                </div>
                {item.conditional && (
                  <div
                    class={checked ? 'nhsuk-radios__conditional' : 'nhsuk-radios__conditional nhsuk-radios__conditional--hidden'}
                    id={conditionalId}
                  >
                    {checked && item.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
