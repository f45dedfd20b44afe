import type { Visit } from '../shared/index.js';

/**
 * Visits from the server merged into what the tablet holds, by id. The higher version wins,
 * so an older answer arriving late never undoes a newer one.
 */
export function mergeVisits(current: readonly Visit[], incoming: readonly Visit[]): Visit[] {
  const byId = new Map(current.map((visit) => [visit.id, visit]));
  for (const visit of incoming) {
    const held = byId.get(visit.id);
    if (!held || visit.version >= held.version) byId.set(visit.id, visit);
  }
  return [...byId.values()];
}
