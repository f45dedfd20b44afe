import { PIN_MAX_DIGITS, WARD_CODE_PATTERN, WARD_NAME_MAX_LENGTH } from '../../shared/admin.js';
import { PIN_MIN_DIGITS, WARD_CODE_MAX_LENGTH } from '../../shared/limits.js';
import { tidyWardPhone, wardPhoneProblem } from '../../shared/ward-phone.js';
import type { Problem } from '../../ui/index.js';

/** The shortest code the server takes: one letter would be too easy to mistype for another ward's. */
export const WARD_CODE_MIN_LENGTH = 2;

/** The page's own checks of a ward's fields, the same rules as the server's, so most slips never leave the page. */
export function wardNameProblem(id: string, name: string): Problem | null {
  if (!name.trim()) return { href: id, message: "Enter the ward's name" };
  if (name.trim().length > WARD_NAME_MAX_LENGTH) return { href: id, message: `Name must be ${WARD_NAME_MAX_LENGTH} characters or fewer` };
  return null;
}

export function wardCodeProblem(id: string, code: string): Problem | null {
  const typed = code.trim();
  if (!typed) return { href: id, message: 'Enter the ward code' };
  if (!WARD_CODE_PATTERN.test(typed)) return { href: id, message: 'Ward code must only include letters and numbers' };
  if (typed.length < WARD_CODE_MIN_LENGTH || typed.length > WARD_CODE_MAX_LENGTH) {
    return { href: id, message: `Ward code must be ${WARD_CODE_MIN_LENGTH} to ${WARD_CODE_MAX_LENGTH} characters` };
  }
  return null;
}

/** An empty PIN is fine: the server then makes one up. */
export function pinProblem(id: string, pin: string): Problem | null {
  const typed = pin.trim();
  if (!typed) return null;
  if (!/^\d+$/.test(typed)) return { href: id, message: 'PIN must only include numbers' };
  if (typed.length < PIN_MIN_DIGITS || typed.length > PIN_MAX_DIGITS) return { href: id, message: `PIN must be ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits` };
  return null;
}

/** An empty phone number is fine: the setting is optional. The words are the server's, without its full stop. */
export function phoneProblem(id: string, phone: string): Problem | null {
  const typed = tidyWardPhone(phone);
  const problem = typed ? wardPhoneProblem(typed) : undefined;
  return problem ? { href: id, message: problem } : null;
}

export const PHONE_LABEL = 'Phone number for families (optional)';
export const PHONE_HINT = 'Families see it when their visit is cancelled or has ended, so they can call the ward. For example, 020 7946 0000.';

export const PIN_HINT = `${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits. Leave it empty and the service will make one up for you.`;

export function tabletsSignedOut(count: number): string {
  if (count === 0) return 'No tablets were signed in.';
  return count === 1 ? '1 tablet was signed out.' : `${count} tablets were signed out.`;
}
