import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/index.js';

/**
 * Words that common passwords are built from (the top of every breached-password list, and
 * the words a hospital's staff reach for first). A password made of one of these with digits,
 * symbols or repeats around it is refused, as is one made of the email's own name.
 */
const COMMON_WORDS = [
  'password', 'passw0rd', 'qwerty', 'qwertyuiop', 'asdfgh', 'zxcvbn', 'letmein', 'welcome', 'admin', 'administrator',
  'iloveyou', 'monkey', 'dragon', 'football', 'baseball', 'sunshine', 'princess', 'shadow', 'superman', 'master',
  'trustno', 'changeme', 'secret', 'login', 'hello', 'starwars', 'whatever', 'freedom', 'abc', 'nhs', 'hospital',
  'trust', 'ward', 'nurse', 'doctor', 'health', 'london', 'england', 'summer', 'winter', 'spring', 'autumn',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

/** Keyboard and counting runs that fill out a short password to the minimum length. */
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

/** The reason a password is refused, as a sentence, or null when it is fine. */
export function passwordProblem(password: string, email: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Your password must be at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer.`;
  // Digits and symbols around a word are the usual padding; inside it they stand for letters.
  const letters = unLeet(password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '')).replace(/[^a-z]/g, '');
  const name = email.split('@')[0]!.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length === 0 || new Set(password).size < 4) return 'Your password is too easy to guess. Use 3 or more random words.';
  if (COMMON_WORDS.some((word) => collapse(letters) === collapse(word) || stripRuns(letters) === word)) return 'Your password is too common. Use 3 or more random words.';
  if (name.length >= 3 && letters.includes(name)) return 'Your password must not contain your email address. Use 3 or more random words.';
  if (isSequence(password.toLowerCase())) return 'Your password is too easy to guess. Use 3 or more random words.';
  return null;
}

/** "Pa55w0rd" is "password" to a guesser's list. */
function unLeet(text: string): string {
  return text.replace(/[0134579@$!]/g, (c) => ({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g', '@': 'a', $: 's', '!': 'i' })[c]!);
}

/** "paaassword" and "password" are one guess. */
function collapse(text: string): string {
  return text.replace(/(.)\1+/g, '$1');
}

/** Letters with repeated common words taken out: "passwordpassword" → "password". */
function stripRuns(letters: string): string {
  for (const word of COMMON_WORDS) if (letters.length > word.length && letters === word.repeat(letters.length / word.length)) return word;
  return letters;
}

function isSequence(text: string): boolean {
  return SEQUENCES.some((run) => run.includes(text) || [...run].reverse().join('').includes(text));
}
