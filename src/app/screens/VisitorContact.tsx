import { formatUkMobile, telHref, type Visit } from '../../shared/index.js';

/** The visitor's mobile, as people read it ("07700 900123"), ready to ring from a phone. */
export function MobileLink({ mobile }: { mobile: string }) {
  return <a href={telHref(mobile)}>{formatUkMobile(mobile)}</a>;
}

export function EmailLink({ email }: { email: string }) {
  return <a href={`mailto:${email}`}>{email}</a>;
}

/** "Mobile: 07700 900123. Email: name@example.com." Nothing when the visit has neither. */
export function VisitorContact({ visit }: { visit: Pick<Visit, 'visitorMobile' | 'visitorEmail'> }) {
  const { visitorMobile: mobile, visitorEmail: email } = visit;
  if (!mobile && !email) return null;
  return (
    <p class="nhsuk-body app-visitor-contact">
      {mobile && (
        <span>
          Mobile: <MobileLink mobile={mobile} />
        </span>
      )}
      {mobile && email && ' '}
      {email && (
        <span>
          Email: <EmailLink email={email} />
        </span>
      )}
    </p>
  );
}
