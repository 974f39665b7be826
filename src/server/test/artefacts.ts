import fs from 'node:fs';

/** Keeps a generated file in DOCUMENT_ARTEFACTS=<dir>, when set, to convert it with LibreOffice and look at it. */
export function keepArtefact(name: string, bytes: Buffer): void {
  const dir = process.env.DOCUMENT_ARTEFACTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}/${name}`, bytes);
}
