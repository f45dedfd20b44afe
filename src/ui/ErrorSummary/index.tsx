import { useEffect, useRef } from 'preact/hooks';

export interface Problem {
  /** The id of the field to jump to; none for a problem that is not about one field. */
  href?: string | undefined;
  message: string;
}

/**
 * NHS error summary. It takes focus whenever its problems change, so a screen reader reads
 * them at once; each link focuses its field (as nhsuk's own script does).
 */
export function ErrorSummary({ problems }: { problems: readonly Problem[] }) {
  const summary = useRef<HTMLDivElement>(null);
  const text = problems.map((p) => p.message).join('\n');
  useEffect(() => {
    if (text) summary.current?.focus();
  }, [text]);
  if (problems.length === 0) return null;
  return (
    <div class="nhsuk-error-summary" ref={summary} tabIndex={-1}>
      <div role="alert">
        <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
        <div class="nhsuk-error-summary__body">
          <ul class="nhsuk-list nhsuk-error-summary__list">
            {problems.map((problem) => (
              <li key={`${problem.href ?? ''}${problem.message}`}>
                {problem.href ? (
                  <a href={`#${problem.href}`} onClick={(event) => focusField(event, problem.href!)}>
                    {problem.message}
                  </a>
                ) : (
                  problem.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function focusField(event: MouseEvent, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.focus();
  // Bring the field's label into view too, not only the input.
  field.closest('.nhsuk-form-group')?.scrollIntoView();
}
