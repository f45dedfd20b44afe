import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/admin.js';
import type { Problem } from '../../ui/index.js';

/**
 * What the page checks before sending a new password: present, long enough, not too long,
 * typed the same twice. Whether it is too common is the server's call (it says why).
 */
export function passwordProblems(id: string, password: string, againId: string, again: string): Problem[] {
  if (!password) return [{ href: id, message: 'Enter a password' }];
  if (password.length < PASSWORD_MIN_LENGTH) return [{ href: id, message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` }];
  if (password.length > PASSWORD_MAX_LENGTH) return [{ href: id, message: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer` }];
  if (password !== again) return [{ href: againId, message: 'The passwords do not match. Enter the same password twice.' }];
  return [];
}
