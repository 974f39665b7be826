import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let found: string | null | undefined;

/** The LibreOffice binary on PATH (soffice or libreoffice), or null: production servers may not have it. */
export function libreOffice(): string | null {
  if (found !== undefined) return found;
  found = null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter))
    for (const name of ['soffice', 'libreoffice'])
      if (dir && fs.existsSync(path.join(dir, name))) {
        found = path.join(dir, name);
        return found;
      }
  return found;
}

/**
 * Converts a .docx to PDF with headless LibreOffice, in a folder and a user profile of its own (two conversions at
 * once with one profile fail), within a time limit. Null when LibreOffice is not installed.
 */
export async function docxToPdf(docx: Buffer, timeoutMs = 120_000): Promise<Buffer | null> {
  const binary = libreOffice();
  if (!binary) return null;
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'icp-pdf-'));
  try {
    const input = path.join(dir, 'document.docx');
    await fs.promises.writeFile(input, docx);
    const profile = `file://${path.join(dir, `profile-${randomUUID()}`)}`;
    await new Promise<void>((resolve, reject) =>
      execFile(binary, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: timeoutMs }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    return await fs.promises.readFile(path.join(dir, 'document.pdf'));
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
