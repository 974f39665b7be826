import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './pii-mask';

describe('maskPhone', () => {
  it.each([
    ['13837512345', '138****2345'],
    ['0375-6123456', '037****3456'],
    ['12345', '****'],
    ['', ''],
  ])('%s -> %s', (input, masked) => expect(maskPhone(input)).toBe(masked));
});

describe('maskIdNumber', () => {
  it.each([
    ['41042119800101123X', '4104**********123X'],
    ['1234567', '****'],
    ['', ''],
  ])('%s -> %s', (input, masked) => expect(maskIdNumber(input)).toBe(masked));
});
