import type { JoinInfo } from '../shared/join.js';
import { visitEndsAt } from '../shared/visit.js';
import { Button } from '../ui/index.js';
import { VisitFacts } from './VisitFacts.js';
import { lengthWords, visitDate, visitTime } from '../shared/visit-words.js';
import { WardPhone } from './WardContact.js';
import { VisitorScreen } from './VisitorScreen.js';
import './visitor.scss';

/**
 * The page a visitor's link opens: which visit, when and for how long, what the ward will ask,
 * and the rules. On a 375 × 667 phone the button is on screen without scrolling (issue 13), so
 * the facts sit in a compact two-column list and the rules come after the button.
 */
export function VisitLanding({ info, onStart }: { info: JoinInfo; onStart: () => Promise<void> }) {
  const { timeZone } = info;
  const ends = visitEndsAt(info).toISOString();
  return (
    <VisitorScreen heading="Your video visit">
      <VisitFacts
        rows={[
          ['Date', visitDate(info.startsAt, timeZone)],
          ['Time', `${visitTime(info.startsAt, timeZone)} to ${visitTime(ends, timeZone)}`],
          ['Length', lengthWords(info.lengthMinutes)],
          ['Ward', info.ward],
          ['Hospital', info.hospital],
        ]}
      />
      {/* A live region: when a too-early page opens by itself, screen readers hear it. */}
      <div class="nhsuk-inset-text app-visit-opens" role="status">
        <span class="nhsuk-u-visually-hidden">Information: </span>
        {info.state === 'open' ? (
          <p>You can join now.</p>
        ) : (
          <p>{`You can join from ${visitTime(info.opensAt, timeZone)} on ${visitDate(info.opensAt, timeZone)}. Keep this page open: it will let you in then.`}</p>
        )}
      </div>
      <p class="nhsuk-body">
        Before you see the patient, someone from the ward will ask you to confirm <strong>the patient's full name and date of birth</strong>. This keeps them safe.
      </p>
      {info.state === 'open' && <Button onClick={onStart}>Check your camera and microphone</Button>}
      <h2 class="nhsuk-heading-m">Before your visit</h2>
      <ul class="nhsuk-list nhsuk-list--bullet">
        <li>Do not take screenshots or recordings of the call.</li>
        <li>
          This is a visit, not a medical consultation. Ask the ward if you have questions about care
          {info.wardPhone ? (
            <>
              {': '}
              <WardPhone phone={info.wardPhone} />.
            </>
          ) : (
            '.'
          )}
        </li>
        <li>Find a quiet place and check your phone is charged.</li>
      </ul>
    </VisitorScreen>
  );
}
