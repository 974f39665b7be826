import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patchOf } from './patch';

const fields = {
  name: z.string().min(1),
  note: z.string().default(''),
  size: z.number().nullable().default(null),
  tags: z.array(z.strictObject({ label: z.string(), colour: z.string().default('red') })).default([]),
  flag: z.boolean().prefault(false),
};

describe('patchOf', () => {
  it('keeps only the fields named, filling no defaults (zod fills them even under .partial())', () => {
    expect(z.strictObject(fields).partial().parse({ name: 'a' })).toEqual({ name: 'a', note: '', size: null, tags: [], flag: false });
    expect(patchOf(fields).parse({ name: 'a' })).toEqual({ name: 'a' });
    expect(patchOf(fields).parse({})).toEqual({});
  });

  it('still checks the fields named, keeps defaults inside a named value, and rejects unknown fields', () => {
    expect(patchOf(fields).safeParse({ name: '' }).success).toBe(false);
    expect(patchOf(fields).parse({ size: null })).toEqual({ size: null });
    expect(patchOf(fields).parse({ tags: [{ label: 'x' }] })).toEqual({ tags: [{ label: 'x', colour: 'red' }] });
    expect(patchOf(fields).safeParse({ name: 'a', extra: 1 }).success).toBe(false);
  });
});
