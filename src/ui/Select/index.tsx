import { ErrorMessage } from '../TextInput/index.js';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectGroup {
  label: string;
  options: readonly SelectOption[];
}

export interface SelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Plain options come first, then each group under its label. */
  options?: readonly SelectOption[];
  groups?: readonly SelectGroup[];
  hint?: string | undefined;
  error?: string | undefined;
}

/** NHS select, with optional groups (a hospital and its wards). */
export function Select(props: SelectProps) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const option = (item: SelectOption) => (
    <option key={item.value} value={item.value} selected={item.value === props.value}>
      {item.label}
    </option>
  );
  return (
    <div class={props.error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label class="nhsuk-label" for={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <div class="nhsuk-hint" id={hintId!}>
          {props.hint}
        </div>
      )}
      {props.error && <ErrorMessage id={errorId!} message={props.error} />}
      <select
        class={props.error ? 'nhsuk-select nhsuk-select--error' : 'nhsuk-select'}
        id={props.id}
        name={props.id}
        aria-describedby={describedBy}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.options?.map(option)}
        {props.groups?.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map(option)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
