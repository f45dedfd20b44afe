import type { Visit } from './visit.js';

// The shapes of what a tablet sends are in command-schemas.ts, for the server only.
export type { ChangeFields, Command, CommandType, SignInRequest } from './command-schemas.js';

/** What the server answers to an applied command: the visits it created or changed. */
export interface CommandResult {
  visits: Visit[];
}

