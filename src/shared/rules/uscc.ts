/** Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a mod-31 check character. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a code, or null when they use characters outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = 'length' | 'characters' | 'check_digit';

/** What is wrong with a code (upper-cased first), or null when it is valid. */
export function usccProblem(code: string): UsccProblem | null {
  const normalised = code.trim().toUpperCase();
  if (normalised.length !== 18) return 'length';
  if (![...normalised].every((c) => ALPHABET.includes(c))) return 'characters';
  return usccCheckChar(normalised.slice(0, 17)) === normalised[17] ? null : 'check_digit';
}

/** Whether a code is a valid unified social credit code. */
export const isValidUscc = (code: string) => usccProblem(code) === null;
