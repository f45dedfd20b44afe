import type { ComponentChildren } from 'preact';

interface NotificationBannerProps {
  /** "Success" (a change went through, announced at once) or "Important" (a region to act on). */
  kind: 'success' | 'important';
  id: string;
  /** The banner's title bar; "Success" or "Important" unless named (nhsuk's titleText). */
  title?: string;
  heading?: ComponentChildren;
  children?: ComponentChildren;
}

/** The NHS notification banner. */
export function NotificationBanner({ kind, id, title, heading, children }: NotificationBannerProps) {
  const success = kind === 'success';
  return (
    <div
      class={success ? 'nhsuk-notification-banner nhsuk-notification-banner--success' : 'nhsuk-notification-banner nhsuk-u-margin-bottom-0'}
      role={success ? 'alert' : 'region'}
      aria-labelledby={id}
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id={id}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content">
        {heading && <p class="nhsuk-notification-banner__heading">{heading}</p>}
        {children}
      </div>
    </div>
  );
}

/** Tells the nurse a change went through. */
export function SuccessBanner({ children }: { children: ComponentChildren }) {
  return <NotificationBanner kind="success" id="success-banner-title" heading={children} />;
}
