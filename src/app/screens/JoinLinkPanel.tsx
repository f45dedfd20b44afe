import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { joinState } from '../../shared/index.js';
import { Button } from '../../ui/index.js';
// Not through the index: the QR code library then stays in the chunk of the screens that draw one.
import { QrCode } from '../../ui/QrCode/index.js';
import type { ListedVisit } from '../../visits/index.js';
import { api } from '../api.js';
import { useVisitState, useWard } from '../ward-context.js';
import { ReplaceLink } from './ReplaceLink.js';

type LinkState = { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'unavailable'; message: string };

/**
 * The visit's join link for staff to pass on: copy it, share it (where the tablet can), or
 * show it as a QR code for a relative at the bedside. Only for visits that can still be joined.
 * A booking still only on this tablet has no link yet: it shows as soon as the server has the
 * visit, and a fetch that failed offline is tried again when the tablet is back online.
 */
interface JoinLinkPanelProps {
  visit: ListedVisit;
  /** null: no heading of its own (inside "Share the link yourself", whose summary names it). */
  heading?: string | null;
  /** Offer "Make a new link" (not straight after booking, when no link has gone anywhere yet). */
  replaceable?: boolean;
  /** Words under the heading, before the link. */
  children?: ComponentChildren;
}

export function JoinLinkPanel({ visit, heading = 'Link for the visitor', replaceable = true, children }: JoinLinkPanelProps) {
  const { store } = useWard();
  const { online } = useVisitState(store);
  const joinable = joinState(visit, new Date());
  const unsentBooking = visit.unsent !== undefined && visit.version === 1;
  const [link, setLink] = useState<LinkState>({ kind: 'loading' });
  const [copied, setCopied] = useState(false);

  const fetched = link.kind === 'ready';
  useEffect(() => {
    if (fetched || unsentBooking || joinable === 'cancelled' || joinable === 'ended') return;
    let current = true;
    api.getJoinLink(visit.id).then(
      ({ url }) => current && setLink({ kind: 'ready', url }),
      () => current && setLink({ kind: 'unavailable', message: 'The link shows when the tablet is online.' }),
    );
    return () => {
      current = false;
    };
  }, [visit.id, unsentBooking, joinable, online, fetched]);

  if (joinable === 'cancelled' || joinable === 'ended') return null;
  return (
    <section class="app-join-link" aria-labelledby={heading === null ? undefined : 'join-link-heading'}>
      {heading !== null && (
        <h2 class="nhsuk-heading-m" id="join-link-heading">
          {heading}
        </h2>
      )}
      {children}
      {visit.rebookOf && (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>This is a rebooked visit, so it has a new link. The link for the earlier visit does not work for this one.</p>
        </div>
      )}
      {unsentBooking ? (
        <p class="nhsuk-body">The link shows here once this visit has been sent. The tablet sends it when it is back online.</p>
      ) : link.kind === 'loading' ? (
        <p class="nhsuk-body">Getting the link…</p>
      ) : link.kind === 'unavailable' ? (
        <p class="nhsuk-body">{link.message}</p>
      ) : (
        <>
          <p class="nhsuk-body app-join-link__url">{link.url}</p>
          <div class="app-button-group">
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard.writeText(link.url);
                setCopied(true);
              }}
            >
              Copy link
            </Button>
            {'share' in navigator && (
              <Button variant="secondary" // Closing the share sheet rejects with AbortError: nothing to tell anyone.
              onClick={() => navigator.share({ title: 'Your video visit', url: link.url }).catch(() => undefined)}>
                Share
              </Button>
            )}
          </div>
          <p class="nhsuk-body" aria-live="polite">
            {copied ? 'Link copied' : ''}
          </p>
          <QrCode text={link.url} label="QR code of the link for the visitor" />
          <p class="nhsuk-body-s">A relative at the bedside can scan this with their phone's camera.</p>
          {replaceable && (
            <ReplaceLink
              visitId={visit.id}
              onReplaced={({ url }) => {
                setCopied(false);
                setLink({ kind: 'ready', url });
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
