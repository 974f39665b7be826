import fs from 'node:fs';
import { demoFile } from '../../paths';

/** Reads a JSON file of the demo county from `scripts/demo/` (parse it with the owner's schema). */
export function readDemoFile(name: string): unknown {
  return JSON.parse(fs.readFileSync(demoFile(name), 'utf8'));
}
