import { NAME_MAX_LENGTH } from '../shared/limits.js';

/**
 * What is wrong with the name a visitor typed, in NHS error-message style (say what to do, no
 * "please", no full stop); undefined when it will do. The relay checks the same limits.
 */
export function nameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter your name';
  if (trimmed.length > NAME_MAX_LENGTH) return `Your name must be ${NAME_MAX_LENGTH} characters or fewer`;
  return undefined;
}
