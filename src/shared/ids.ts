import { z } from 'zod';

// Digits only: `Number(" 1")`, `Number("1e0")`, `Number("0x1")` and `Number("")` are all numbers, so `z.coerce` let
// padded, exponent and hex forms through as the same id. A path or query integer is its canonical decimal text.
const DECIMAL = /^-?(0|[1-9][0-9]{0,14})$/;

/** An integer from a path or query string (or a number from typed callers), written exactly in decimal, within [min, max]. */
export function strictInt(min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && DECIMAL.test(v) ? Number(v) : v),
    z.number({ error: 'err.VALIDATION' }).int({ error: 'err.VALIDATION' }).min(min).max(max),
  );
}

/** The one id schema of every path and query: a positive integer written in plain digits. */
export const strictId = strictInt(1, Number.MAX_SAFE_INTEGER);

/** `{ id }` path parameters. */
export const idParams = z.strictObject({ id: strictId });
