import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDemoIndicators, indicatorsFile } from './indicators.demo';
import { type Env, type PatchCases, get, post } from '../../test/patch-cases';

/** The indicators module's PATCH routes for the generic PATCH test. */
export const patchCases: PatchCases = {
  async setup(t) {
    const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
    await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
  },
  operations: {
    'PATCH /api/indicators/{id}': {
      as: 'office',
      create: async ({ units }, client) =>
        (
          await post(client, '/api/indicators', {
            code: 'PATCH_T',
            nameZh: '补丁测试指标',
            nameEn: 'Patch test indicator',
            unitZh: '亿元',
            unitEn: '100 million yuan',
            kind: 'cumulative',
            direction: 'lower',
            sourceUnitId: units.tjj,
            definitionZh: '口径说明',
            definitionEn: 'Definition',
            yellowBandPp: 7,
            decimals: 1,
            minValue: 0,
            maxValue: 1000,
            maxJumpPct: 40,
            sortOrder: 7,
            active: false,
          })
        ).id,
      read: (_env, client, id) => get(client, `/api/indicators/${id}`),
      fields: {
        code: { value: 'PATCH_U' },
        nameZh: { value: '补丁测试指标二' },
        nameEn: { value: 'x' },
        unitZh: { value: '万元' },
        unitEn: { value: '10 thousand yuan' },
        kind: { value: 'stock' },
        direction: { value: 'higher' },
        sourceUnitId: { value: ({ units }: Env) => units.gxj, shows: ['sourceUnit'] },
        definitionZh: { value: '新口径' },
        definitionEn: { value: 'New definition' },
        yellowBandPp: { value: 3 },
        decimals: { value: 3 },
        minValue: { value: 10 },
        maxValue: { value: 900 },
        maxJumpPct: { value: 25 },
        sortOrder: { value: 8 },
        active: { value: true },
        countyValue: { value: 'sum' },
      },
    },
  },
};
