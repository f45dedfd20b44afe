import type { ComponentChildren } from 'preact';

/** NHS notification banner, success style: tells the nurse a change went through. */
export function SuccessBanner({ children }: { children: ComponentChildren }) {
  return (
    <div class="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby="success-banner-title">
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content">
        <p class="nhsuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
