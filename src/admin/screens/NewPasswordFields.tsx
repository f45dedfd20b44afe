import { PASSWORD_MIN_LENGTH } from '../../shared/admin.js';
import { TextInput } from '../../ui/index.js';

interface NewPasswordFieldsProps {
  /** Field ids: `id` and `${id}-again`, which the error summary links to. */
  id: string;
  /** "Password" or "New password"; the second field asks for it again. */
  label: string;
  value: string;
  again: string;
  onInput: (value: string) => void;
  onAgain: (value: string) => void;
  errorFor: (id: string) => string | undefined;
}

/** A password to choose, typed twice: the set-up link's page and "Change password" both ask for one. */
export function NewPasswordFields({ id, label, value, again, onInput, onAgain, errorFor }: NewPasswordFieldsProps) {
  return (
    <>
      <TextInput
        id={id}
        label={label}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words together are long and easy to remember.`}
        type="password"
        autoComplete="new-password"
        value={value}
        onInput={onInput}
        error={errorFor(id)}
        widthClass="nhsuk-u-width-two-thirds"
      />
      <TextInput
        id={`${id}-again`}
        label={`Enter the ${label.toLowerCase()} again`}
        type="password"
        autoComplete="new-password"
        value={again}
        onInput={onAgain}
        error={errorFor(`${id}-again`)}
        widthClass="nhsuk-u-width-two-thirds"
      />
    </>
  );
}
