/**
 * The strings of each feature, by feature name. A feature's `locales.ts` registers its Chinese catalogue here by
 * declaration merging, so that `t()` checks every key without the type depending on the feature's pages.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one block per feature
export interface FeatureCatalogues {}

/** The shape a translation must have: the keys of the Chinese catalogue, every leaf a string. */
export type LocaleOf<T> = { [K in keyof T]: T[K] extends string ? string : LocaleOf<T[K]> };

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges catalogues key by key (features add entries to shared namespaces such as `nav` and `perm`). */
export function mergeCatalogues(target: Plain, source: Plain): Plain {
  const out: Plain = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    if (isPlain(existing) && isPlain(value)) out[key] = mergeCatalogues(existing, value);
    else if (existing !== undefined) throw new Error(`locale key ${key} is defined twice`);
    else out[key] = value;
  }
  return out;
}
