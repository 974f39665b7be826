import { z } from 'zod';

/** What every template import answers: the rows written, or (400) the rows' problems and the annotated sheet. */
export const importResult = z.object({ imported: z.number().int() });

/** An import refused row by row: nothing was written; `report` is the uploaded sheet annotated (.xlsx, base64). */
export const importRejected = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  fields: z.record(z.string(), z.string()),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  report: z.string(),
});

/** What the import answers with 400: rows rejected, or an ordinary field error (not the template, no file). */
export const importFailure = z.union([
  importRejected,
  z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
]);
