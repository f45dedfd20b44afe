import { joinState, type ContactDelivery, type VisitMessages } from '../../shared/index.js';
import { Button, Tag } from '../../ui/index.js';
import { SummaryList, type SummaryRow } from '../../ui/SummaryList/index.js';
import type { ListedVisit } from '../../visits/index.js';
import {
  addressWords,
  CHANNEL_WORDS,
  channelsOf,
  DELIVERY_TAG_COLOURS,
  DELIVERY_WORDS,
  MESSAGE_KIND_WORDS,
  MESSAGES_NO_CONTACT,
  MESSAGES_NONE_YET,
  MESSAGES_NOT_SENT_YET,
  MESSAGES_NOT_SET_UP,
  MESSAGES_OFFLINE,
  reasonSentence,
  resendsLeftWords,
} from '../message-words.js';
import type { VisitMessagesState } from '../use-visit-messages.js';

/**
 * Where the visitor's texts and emails are, one summary-list row per contact ("Text message":
 * "07700 900123, Link to join: Delivered"), and "Send the link again" once the visit has
 * started. With no GOV.UK Notify on the server, only the one sentence that says so.
 */
export function MessageStatus({ visit, state }: { visit: ListedVisit; state: VisitMessagesState }) {
  const { view } = state;
  const joinable = joinState(visit, new Date());
  const open = joinable !== 'cancelled' && joinable !== 'ended';
  // Over, a visit has no link left to share; with no contact either, there is nothing to say.
  if (view.kind === 'not-set-up') return open ? <p class="nhsuk-body">{MESSAGES_NOT_SET_UP}</p> : null;
  if (!open && channelsOf(visit).length === 0) return null;
  return (
    <section class="app-messages" aria-labelledby="messages-heading">
      <h2 class="nhsuk-heading-m" id="messages-heading">
        Messages to the visitor
      </h2>
      {view.kind === 'not-sent-yet' ? (
        <p class="nhsuk-body">{MESSAGES_NOT_SENT_YET}</p>
      ) : view.kind === 'offline' ? (
        <p class="nhsuk-body">{MESSAGES_OFFLINE}</p>
      ) : view.kind === 'loading' ? (
        <p class="nhsuk-body">Getting the message status…</p>
      ) : view.messages.contacts.length > 0 ? (
        <SummaryList rows={view.messages.contacts.map(deliveryRow)} />
      ) : (
        <p class="nhsuk-body">{channelsOf(visit).length === 0 ? MESSAGES_NO_CONTACT : MESSAGES_NONE_YET}</p>
      )}
      {view.kind === 'shown' && <SendAgain visit={visit} messages={view.messages} resend={state.resend} />}
      <p class="nhsuk-body app-messages__said" aria-live="polite">
        {state.said}
      </p>
    </section>
  );
}

/**
 * "Text message" | "07700 900123", "Link to join: Delivered", and why when it was not. The
 * address goes in the wide column: an email address in the narrow key column breaks mid-word.
 */
function deliveryRow(delivery: ContactDelivery): SummaryRow {
  return {
    key: CHANNEL_WORDS[delivery.channel],
    value: (
      <>
        <span class="app-messages__address">{addressWords(delivery)}</span>
        {MESSAGE_KIND_WORDS[delivery.kind]}
        <span class="nhsuk-u-visually-hidden">:</span> <Tag colour={DELIVERY_TAG_COLOURS[delivery.state]}>{DELIVERY_WORDS[delivery.state]}</Tag>
        {delivery.state === 'not-delivered' && delivery.reason && <p class="nhsuk-body-s app-messages__reason">{reasonSentence(delivery.reason)}</p>}
      </>
    ),
  };
}

/** Only while the visit is started and resends are left (the server says which, in `canResend`). */
function SendAgain({ visit, messages, resend }: { visit: ListedVisit; messages: VisitMessages; resend: () => Promise<void> }) {
  const left = resendsLeftWords(messages.resendsLeft);
  const started = visit.status === 'ready' || visit.status === 'in-progress';
  if (!messages.canResend) return started && messages.resendsLeft <= 0 && left ? <p class="nhsuk-body">{left}</p> : null;
  return (
    <>
      <p class="nhsuk-body">{`If the visitor has not had the link, you can send it again.${left ? ` ${left}` : ''}`}</p>
      <Button variant="secondary" onClick={resend}>
        Send the link again
      </Button>
    </>
  );
}
