import type { SessionInfo } from '../shared/index.js';
import { META, withDb } from './db.js';

/**
 * The signed-in ward, kept on the device so the app opens offline. The server still checks
 * the real session (an HttpOnly cookie) on every request; this only decides what to show.
 */
export async function rememberSession(session: SessionInfo): Promise<void> {
  const previous = await cachedSession();
  if (previous && previous.ward.id !== session.ward.id) {
    // Another ward on this device: the first ward's records must not be shown to it.
    await withDb(async (db) => {
      const tx = db.transaction(['visits', 'outbox', 'meta'], 'readwrite');
      await Promise.all([tx.objectStore('visits').clear(), tx.objectStore('outbox').clear(), tx.objectStore('meta').clear()]);
      await tx.done;
    });
  }
  await withDb((db) => db.put('meta', session, META.session));
}

export async function cachedSession(): Promise<SessionInfo | undefined> {
  return withDb((db) => db.get('meta', META.session) as Promise<SessionInfo | undefined>);
}
