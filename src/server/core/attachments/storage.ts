import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A received upload waiting in the temporary folder until its content is accepted. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Bytes live at `<dir>/<first two hex digits>/<sha256>`: the same document uploaded twice is stored once, and
 * nothing a user typed ever becomes part of a path.
 */
export function attachmentStore(dir: string) {
  const blobPath = (sha256: string) => path.join(dir, sha256.slice(0, 2), sha256);
  const tempDir = path.join(dir, 'tmp');
  return {
    blobPath,
    /** Streams an upload to a temporary file while hashing and counting it; the stream's own errors propagate. */
    async receive(source: NodeJS.ReadableStream): Promise<ReceivedFile> {
      await fs.promises.mkdir(tempDir, { recursive: true });
      const tempPath = path.join(tempDir, randomUUID());
      const hash = createHash('sha256');
      let sizeBytes = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, tap, fs.createWriteStream(tempPath));
      } catch (error) {
        await fs.promises.rm(tempPath, { force: true });
        throw error;
      }
      return { tempPath, sha256: hash.digest('hex'), sizeBytes };
    },
    /** Moves an accepted upload to its content address (or drops it when those bytes are already stored). */
    async keep(file: ReceivedFile): Promise<void> {
      const target = blobPath(file.sha256);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      if (fs.existsSync(target)) await fs.promises.rm(file.tempPath, { force: true });
      else await fs.promises.rename(file.tempPath, target);
    },
    async discard(file: ReceivedFile): Promise<void> {
      await fs.promises.rm(file.tempPath, { force: true });
    },
    open(sha256: string) {
      return fs.createReadStream(blobPath(sha256));
    },
  };
}
