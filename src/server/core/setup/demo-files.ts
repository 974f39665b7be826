import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a JSON file of the demo county from `scripts/demo/` (parse it with the owner's schema). */
export function readDemoFile(name: string): unknown {
  return JSON.parse(fs.readFileSync(fileURLToPath(new URL(`../../../../scripts/demo/${name}`, import.meta.url)), 'utf8'));
}
