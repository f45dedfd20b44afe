import type { WardContact } from '../shared/join.js';
import { telHref } from '../shared/ward-phone.js';
import './visitor.scss';

/** The ward's number as a link a phone can call. */
export function WardPhone({ phone }: { phone: string }) {
  return (
    <a href={telHref(phone)} class="app-ward-phone">
      {phone}
    </a>
  );
}

/**
 * Whom to ask, for a visitor whose visit has gone: the ward's phone number when the trust
 * gave one, and the ward and hospital by name either way.
 */
export function AskTheWard({ contact, about }: { contact: WardContact; about: string }) {
  return contact.wardPhone ? (
    <p class="nhsuk-body">
      {`${about}, phone ${contact.ward} at ${contact.hospital} on `}
      <WardPhone phone={contact.wardPhone} />.
    </p>
  ) : (
    <p class="nhsuk-body">{`${about}, contact ${contact.ward} at ${contact.hospital}.`}</p>
  );
}
