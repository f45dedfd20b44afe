import type { ComponentChildren } from 'preact';

export interface TextInputProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'password';
  inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text' | undefined;
  autoComplete?: string | undefined;
  /** nhsuk width class, e.g. "nhsuk-input--width-5" or "nhsuk-u-width-two-thirds". */
  widthClass?: string | undefined;
  spellcheck?: boolean | undefined;
  /** Rendered after the input (e.g. a suffix); rarely needed. */
  after?: ComponentChildren;
}

/** NHS text input with label, hint and error message, joined up by aria-describedby. */
export function TextInput(props: TextInputProps) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const inputClass = ['nhsuk-input', props.widthClass, props.error && 'nhsuk-input--error'].filter(Boolean).join(' ');
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
      <input
        class={inputClass}
        id={props.id}
        name={props.id}
        // Preact types each input type separately; any of ours is a plain text-like box.
        {...({ type: props.type ?? 'text' } as { type: 'text' })}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.after}
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string; message: string }) {
  return (
    <span class="nhsuk-error-message" id={id}>
      <span class="nhsuk-u-visually-hidden">Error: </span>
      {message}
    </span>
  );
}
