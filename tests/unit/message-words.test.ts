import { describe, expect, it } from 'vitest';
import {
  bookedMessageWords,
  channelsOf,
  addressWords,
  newsOfChange,
  reasonSentence,
  resendsLeftWords,
  tellVisitorWords,
  type TellVisitorFacts,
} from '../../src/app/message-words.js';

const MOBILE = '07700900123';
const EMAIL = 'jo@example.com';
const both = { visitorMobile: MOBILE, visitorEmail: EMAIL };
const textOnly = { visitorMobile: MOBILE, visitorEmail: null };
const emailOnly = { visitorMobile: null, visitorEmail: EMAIL };
const none = { visitorMobile: null, visitorEmail: null };

describe('a contact line', () => {
  it('shows the mobile as people read it, and the email as it is', () => {
    expect(addressWords({ channel: 'sms', to: MOBILE })).toBe('07700 900123');
    expect(addressWords({ channel: 'sms', to: '+447700900123' })).toBe('07700 900123');
    expect(addressWords({ channel: 'email', to: EMAIL })).toBe('jo@example.com');
  });

  it("ends the server's reason with a full stop, once", () => {
    expect(reasonSentence('The phone was off, had no signal or its inbox was full')).toBe('The phone was off, had no signal or its inbox was full.');
    expect(reasonSentence('GOV.UK Notify did not accept this service\'s key. Tell your IT team.')).toBe("GOV.UK Notify did not accept this service's key. Tell your IT team.");
  });

  it('lists texts before emails, as the server sends them', () => {
    expect(channelsOf(both)).toEqual(['sms', 'email']);
    expect(channelsOf(emailOnly)).toEqual(['email']);
    expect(channelsOf(none)).toEqual([]);
  });
});

describe('the Visit booked page', () => {
  it('says whom the service will text or email, and when the link comes', () => {
    expect(bookedMessageWords(true, textOnly)).toBe('We will text 07700 900123 to confirm the booking, and again with the link when you start the visit.');
    expect(bookedMessageWords(true, emailOnly)).toBe('We will email jo@example.com to confirm the booking, and again with the link when you start the visit.');
    expect(bookedMessageWords(true, both)).toBe(
      'We will text 07700 900123 and email jo@example.com to confirm the booking, and again with the link when you start the visit.',
    );
    expect(bookedMessageWords(true, textOnly, 3)).toBe('We will text 07700 900123 once to confirm all 3 visits, and again with the link when you start each one.');
  });

  it('says nothing when the nurse shares the link: no Notify, or no contact', () => {
    expect(bookedMessageWords(false, both)).toBeNull();
    expect(bookedMessageWords(true, none)).toBeNull();
  });
});

describe('the banner after a change or a cancellation', () => {
  const facts = (news: TellVisitorFacts['news'], visit: TellVisitorFacts['visit'], more: Partial<TellVisitorFacts> = {}) =>
    tellVisitorWords({ news, name: 'Jo', messaging: true, visit, ...more });

  it('says the service tells the visitor, by the ways it has', () => {
    expect(facts('cancelled', both)).toEqual({ words: 'We will tell Jo by text and email that the visit is cancelled. Their link no longer works.', nurseTells: false });
    expect(facts('cancelled', emailOnly).words).toBe('We will tell Jo by email that the visit is cancelled. Their link no longer works.');
    expect(facts('moved', textOnly)).toEqual({ words: 'We will text Jo about the change. Their link stays the same.', nurseTells: false });
    expect(facts('moved', both).words).toBe('We will text and email Jo about the change. Their link stays the same.');
  });

  it('says nothing is sent for a change of other details, and a new contact gets the confirmation', () => {
    expect(facts('changed', textOnly)).toEqual({ words: 'Jo is not sent a message about this change. Only a new date, time or length is sent to them.', nurseTells: false });
    expect(facts('changed', both, { name: 'the visitor' }).words).toMatch(/^The visitor is not sent a message/);
    expect(facts('changed', both, { newContacts: ['email'] }).words).toBe('We will email Jo to confirm the booking. Their link stays the same.');
  });

  it("keeps today's prompt for the nurse with no Notify or no contact", () => {
    expect(facts('cancelled', both, { messaging: false })).toEqual({ words: 'Tell Jo the visit is cancelled. Their link no longer works.', nurseTells: true });
    expect(facts('moved', none)).toEqual({ words: 'Tell Jo about the change. Their link stays the same.', nurseTells: true });
    expect(facts('changed', textOnly, { messaging: false }).words).toBe('Tell Jo about the change. Their link stays the same.');
  });

  it('reads a change as the server does: date, time or length moved; a contact added or corrected', () => {
    expect(newsOfChange(['time'], textOnly)).toEqual({ news: 'moved', newContacts: [] });
    expect(newsOfChange(['lengthMinutes', 'bed'], textOnly).news).toBe('moved');
    expect(newsOfChange(['bed', 'visitorName'], textOnly)).toEqual({ news: 'changed', newContacts: [] });
    expect(newsOfChange(['visitorMobile', 'visitorEmail'], both)).toEqual({ news: 'changed', newContacts: ['sms', 'email'] });
    // A contact taken away is not a new one.
    expect(newsOfChange(['visitorEmail'], textOnly)).toEqual({ news: 'changed', newContacts: [] });
  });
});

describe('Send the link again', () => {
  it('says how many times are left once some are used, and when none are', () => {
    expect(resendsLeftWords(3)).toBeNull();
    expect(resendsLeftWords(2)).toBe('You can send it 2 more times.');
    expect(resendsLeftWords(1)).toBe('You can send it 1 more time.');
    expect(resendsLeftWords(0)).toBe('The link has been sent again 3 times for this visit. Share it yourself, or phone the visitor.');
  });
});
