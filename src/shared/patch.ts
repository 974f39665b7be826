import { z } from 'zod';

/** A field schema without its outer `.default()` or `.prefault()`. */
type WithoutDefault<T> = T extends z.ZodDefault<infer I> ? I : T extends z.ZodPrefault<infer I> ? I : T;

/** The shape of a PATCH body: each field optional and without its default. */
export type PatchShape<S extends z.ZodRawShape> = { -readonly [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

function withoutDefault(schema: z.ZodType): z.ZodType {
  // zod 4 fills a field's default even when the field is optional (`.partial()` included), so a PATCH that names
  // one field would write every other field's default over what is stored.
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return withoutDefault(schema.unwrap() as z.ZodType);
  return schema;
}

/**
 * The body of a PATCH from the fields of a create body: every field optional, no field defaulted, unknown fields
 * rejected. A PATCH changes exactly the fields it names (house rule 12), so use this for every update body.
 */
export function patchOf<S extends z.ZodRawShape>(shape: S): z.ZodObject<PatchShape<S>, z.core.$strict> {
  const fields = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, withoutDefault(schema as z.ZodType).optional()]));
  return z.strictObject(fields) as unknown as z.ZodObject<PatchShape<S>, z.core.$strict>;
}
