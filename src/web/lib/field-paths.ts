/** How a dialog names a server field its form calls otherwise: a map (`{ amountFen: 'amount' }`) or a function. */
export type FieldRename = Readonly<Record<string, string>> | ((path: string) => string);

/** The function form of a `FieldRename`: names the map does not list stay as they are. */
export function fieldRenamer(rename: FieldRename | undefined): ((path: string) => string) | undefined {
  if (rename === undefined || typeof rename === 'function') return rename;
  // Own keys only, so a server path such as `constructor` never picks up an Object prototype member.
  return (path) => (Object.hasOwn(rename, path) ? rename[path] : path);
}
