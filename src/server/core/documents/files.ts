import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentStore } from '../attachments/storage';

/**
 * Generated documents are stored like attachments, by sha256 under ATTACHMENTS_DIR: written before the issuing
 * transaction commits (a rolled-back issue leaves only an unreferenced blob, never a row without its file).
 */
export async function storeDocumentFile(dir: string, bytes: Buffer): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = attachmentStore(dir).blobPath(sha256);
  if (!fs.existsSync(target)) {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.promises.writeFile(temp, bytes);
    await fs.promises.rename(temp, target);
  }
  return { sha256, size: bytes.length };
}

/** The bytes of a stored document. */
export function readDocumentFile(dir: string, sha256: string): Promise<Buffer> {
  return fs.promises.readFile(attachmentStore(dir).blobPath(sha256));
}
