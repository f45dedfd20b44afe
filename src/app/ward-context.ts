import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { SessionInfo } from '../shared/index.js';
import type { VisitState, VisitStore } from '../visits/index.js';
import type { MessageChanges } from './message-changes.js';
import type { PresenceBoard } from './presence-board.js';

/** What every signed-in screen needs: who is signed in, the visit store, live presence and message news, and sign-out. */
export interface Ward {
  session: SessionInfo;
  store: VisitStore;
  presence: PresenceBoard;
  messages: MessageChanges;
  signOut: () => Promise<void>;
}

export const WardContext = createContext<Ward | null>(null);

export function useWard(): Ward {
  const ward = useContext(WardContext);
  if (!ward) throw new Error('useWard is only for screens shown after sign-in');
  return ward;
}

/** The store's state, kept current. */
export function useVisitState(store: VisitStore): VisitState {
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    setState(store.getState());
    return store.subscribe(setState);
  }, [store]);
  return state;
}
