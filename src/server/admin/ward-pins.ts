import { randomInt } from 'node:crypto';
import { GENERATED_PIN_DIGITS } from '../../shared/index.js';

/** A PIN the server makes up: every digit from the operating system's CSPRNG. */
export function generatePin(): string {
  return Array.from({ length: GENERATED_PIN_DIGITS }, () => String(randomInt(10))).join('');
}

/** The PINs anyone tries first: one digit repeated, or a run up or down (123456, 987654). */
export function pinTooEasy(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((digit, i) => (digit - digits[i]! + 10) % 10));
  return steps.size === 1 && [0, 1, 9].includes([...steps][0]!);
}
