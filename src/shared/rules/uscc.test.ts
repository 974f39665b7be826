import { describe, expect, it } from 'vitest';
import { usccCheckChar, usccProblem } from './uscc';

describe('unified social credit code', () => {
  // Valid codes (the first is the example commonly quoted with the standard), then broken variants of the second.
  it.each([
    ['91350100M000100Y43', null],
    ['91110108551385082Q', null],
    ['91110108551385082q', null], // lower case is accepted and upper-cased
    ['91110108551385082R', 'check_digit'],
    ['9111010855138508', 'length'],
    ['91110108551385082QX', 'length'],
    ['91110108551385O82Q', 'characters'], // the letter O is not in the alphabet
    ['9111010855138I082Q', 'characters'],
  ])('%s -> %s', (code, expected) => {
    expect(usccProblem(code)).toBe(expected);
  });

  it.each([
    ['91110108551385082', 'Q'],
    ['91350100M000100Y4', '3'],
    ['10000000000000000', 'Y'], // 1 × 1 = 1; 31 − 1 = 30 → Y
  ])('check character of %s is %s', (first17, expected) => {
    expect(usccCheckChar(first17)).toBe(expected);
  });

  it('maps a weighted sum divisible by 31 to the check character 0', () => {
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('refuses prefixes with characters outside the alphabet', () => {
    expect(usccCheckChar('0000000000000000I')).toBeNull();
    expect(usccCheckChar('short')).toBeNull();
  });
});
