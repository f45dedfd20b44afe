import { useEffect } from 'preact/hooks';
import { ApiError, type VisitStore } from '../visits/index.js';
import { navigate } from './router.js';

/**
 * Refreshes the store when a screen opens. A failed refresh is already in the store's state
 * (and shown by the screen); only a lost session needs more: back to sign-in.
 */
export function useRefreshOnOpen(store: VisitStore) {
  useEffect(() => {
    store.refresh().catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'not_signed_in') navigate('/sign-in', { replace: true });
    });
  }, [store]);
}
