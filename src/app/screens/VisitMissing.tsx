import { ErrorSummary, useScreen } from '../../ui/index.js';
import { WardPage } from '../WardPage.js';

/** While a visit loads, or when this ward has no such visit (or no longer lists it). */
export function VisitMissing({ loading, error }: { loading: boolean; error: string | null }) {
  const title = loading ? 'Getting the visit' : 'Visit not found';
  const heading = useScreen(title);
  return (
    <WardPage>
      {error && <ErrorSummary problems={[{ message: error }]} />}
      <h1 ref={heading}>
        {title}
      </h1>
      {!loading && (
        <p class="nhsuk-body">
          This ward has no visit at this address. It may have been booked on another ward. <a href="/">Go to the visit list</a>.
        </p>
      )}
    </WardPage>
  );
}
