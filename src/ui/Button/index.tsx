import type { ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';

/**
 * Runs an async action at most once at a time: a second tap while the first is still
 * waiting on the network is ignored, so one tap books one visit. The ref (not the state)
 * is the guard, because two taps can land before Preact re-renders.
 */
export function useGuarded(action: () => Promise<void> | void): [run: () => void, pending: boolean] {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(() => {
    if (running.current) return;
    running.current = true;
    setPending(true);
    Promise.resolve()
      .then(action)
      .finally(() => {
        running.current = false;
        setPending(false);
      });
  }, [action]);
  return [run, pending];
}

export interface ButtonProps {
  children: ComponentChildren;
  variant?: 'secondary' | 'warning' | 'reverse' | undefined;
  /** Submit buttons leave the guard to the form's onSubmit (see GuardedForm). */
  type?: 'button' | 'submit';
  onClick?: (() => Promise<void> | void) | undefined;
  disabled?: boolean | undefined;
}

export function Button({ children, variant, type = 'button', onClick, disabled }: ButtonProps) {
  const [run, pending] = useGuarded(onClick ?? (() => {}));
  return (
    <button
      class={variant ? `nhsuk-button nhsuk-button--${variant}` : 'nhsuk-button'}
      type={type}
      disabled={disabled || pending}
      onClick={type === 'button' ? run : undefined}
    >
      {children}
    </button>
  );
}

/** A form whose submit (button or Enter) runs the action once at a time. */
export function GuardedForm(props: { onSubmit: () => Promise<void> | void; children: ComponentChildren; submit: ComponentChildren; variant?: ButtonProps['variant'] }) {
  const [run, pending] = useGuarded(props.onSubmit);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run();
      }}
    >
      {props.children}
      <Button type="submit" variant={props.variant} disabled={pending}>
        {props.submit}
      </Button>
    </form>
  );
}
