import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIOME = path.resolve('node_modules/.bin/biome');

/** Lints a one-off file at a path inside the tree (so biome.json's overrides apply) and returns the rules it broke. */
function brokenRules(file: string, source: string): string[] {
  const target = path.resolve(file.replace(/(\.tsx?)$/, `.boundary-${process.pid}$1`));
  fs.writeFileSync(target, source);
  try {
    execFileSync(BIOME, ['lint', '--reporter=json', target], { encoding: 'utf8', stdio: 'pipe' });
    return [];
  } catch (err) {
    const out = (err as { stdout?: string }).stdout ?? '';
    return [...out.matchAll(/"category":"(lint\/[^"]+)"/g)].map((m) => m[1] as string);
  } finally {
    fs.rmSync(target, { force: true });
  }
}

// The fixtures: a deep import into another module's files must fail the lint; the same import through its index passes.
describe('module boundaries (biome noRestrictedImports)', () => {
  it.each([
    ['server module', 'src/server/modules/documents/fixture.ts', "'../indicators/warnings.service'", "'../indicators'"],
    // The same file reached the long way round, through the modules folder, is as deep.
    ['server module, by the modules folder', 'src/server/modules/documents/fixture.ts', "'../../modules/indicators/warnings.service'", "'../indicators'"],
    ['server module sub-folder', 'src/server/modules/documents/migrations/fixture.ts', "'../../indicators/warnings.service'", "'../../indicators'"],
    [
      'server module sub-folder, by the modules folder',
      'src/server/modules/documents/migrations/fixture.ts',
      "'../../../modules/indicators/warnings.service'",
      "'../../indicators'",
    ],
    ['server entry', 'src/server/fixture.ts', "'./modules/indicators/warnings.service'", "'./modules/indicators'"],
    ['server core', 'src/server/core/tasks/fixture.ts', "'../../modules/indicators/warnings.service'", "'../../modules/indicators'"],
    ['web feature', 'src/web/features/home/pages/fixture.ts', "'../../meetings/components/UpcomingMeetings'", "'../../meetings'"],
    [
      'web feature, by the features folder',
      'src/web/features/home/pages/fixture.ts',
      "'../../../features/meetings/components/UpcomingMeetings'",
      "'../../meetings'",
    ],
    ['web feature top level', 'src/web/features/home/fixture.ts', "'../meetings/components/UpcomingMeetings'", "'../meetings'"],
    [
      'web feature top level, by the features folder',
      'src/web/features/home/fixture.ts',
      "'../../features/meetings/components/UpcomingMeetings'",
      "'../meetings'",
    ],
    ['web shell', 'src/web/app/fixture.ts', "'../features/meetings/components/UpcomingMeetings'", "'../features/meetings'"],
    ['bench', 'bench/fixture.ts', "'../src/server/modules/indicators/warnings.service'", "'../src/server/modules/indicators'"],
  ])(
    '%s: a deep import is refused, the public API is not',
    (_where, file, deep, index) => {
      const source = (from: string) => `import * as m from ${from};\n\nexport const used = m;\n`;
      expect(brokenRules(file, source(deep))).toContain('lint/style/noRestrictedImports');
      expect(brokenRules(file, source(index))).not.toContain('lint/style/noRestrictedImports');
    },
    60_000,
  );
});
