import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText, documentXml } from '../../test/read-back';
import { keepArtefact } from '../../test/artefacts';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureDemoIndicators, indicatorsFile } from '../indicators';

// The brief's 重点项目进展 section, which the projects module contributes through its manifest (`briefSections`).
let t: TestApp;
let office: Client;
const WAN = 1_000_000;

beforeAll(async () => {
  t = await createTestApp();
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
  t.clock.set('2021-10-12T02:00:00Z');
  office = await t.signIn('office');
});
afterAll(() => t.close());

type Block = { kind: string; text?: string; caption?: string; columns?: string[]; rows?: string[][] };

describe('the work brief’s 重点项目进展', () => {
  // Drafting and issuing the brief with its chart image takes a while on a busy machine.
  it('counts the projects by colour, names the red ones and the overdue milestones, in the draft and the .docx', { timeout: 180_000 }, async () => {
    const chengguan = await t.unitId('chengguan');
    const daying = await t.unitId('daying');
    const base = {
      library: 'strong_county',
      types: [],
      enterpriseId: null,
      chainUnitId: null,
      totalInvestmentFen: 5000 * WAN,
      plannedCompletion: '2022-06-30',
      plannedProduction: '2022-09-30',
      leaderUserId: null,
      responsiblePerson: '王五',
      serviceTeamUnitId: null,
      content: '',
      location: '',
      lng: null,
      lat: null,
    };
    // Recorded in August (a milestone cannot be given a date already past), then the brief is drafted in October.
    t.clock.set('2021-08-02T02:00:00Z');
    office = await t.signIn('office');
    // Planned to start in March, not started by the end of September: red.
    const red = await office.post('/api/projects', {
      ...base,
      code: 'XM2021-901',
      name: '城关镇新型碳材料项目',
      townshipUnitId: chengguan,
      responsibleUnitId: chengguan,
      stage: 'new_start',
      annualPlanFen: 800 * WAN,
      plannedStart: '2021-03-01',
    });
    expect(red.statusCode).toBe(200);
    const green = await office.post('/api/projects', {
      ...base,
      code: 'XM2021-902',
      name: '大营镇不锈钢深加工项目',
      townshipUnitId: daying,
      responsibleUnitId: daying,
      stage: 'planning',
      annualPlanFen: 0,
      plannedStart: '2022-03-01',
    });
    expect(green.statusCode).toBe(200);
    const milestone = await office.post(`/api/projects/${red.json().id}/milestones`, { name: '完成设备招标', ownerUnitId: chengguan, dueDate: '2021-08-16' });
    expect(milestone.statusCode).toBe(200);
    t.clock.set('2021-10-12T02:00:00Z');
    office = await t.signIn('office');

    const brief = (await office.post('/api/documents/briefs', { month: '2021-09' })).json();
    const blocks = brief.blocks as Block[];
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toContain('四、重点项目进展');
    expect(headings).toContain('五、下步工作');
    const at = headings.indexOf('四、重点项目进展');
    expect(headings.slice(at, at + 3)).toEqual(['四、重点项目进展', '（一）红灯项目', '（二）逾期节点']);
    const text = JSON.stringify(blocks);
    expect(text).toContain('全县在库重点项目2个，其中绿灯1个、黄灯0个、红灯1个');
    const redTable = blocks.find((b) => b.kind === 'table' && b.caption?.includes('红灯重点项目'));
    expect(redTable?.caption).toMatch(/^表\d+ 2021年9月红灯重点项目$/);
    expect(redTable?.rows).toEqual([['城关镇新型碳材料项目', '城关镇', '800', '0', '0.0%', '75.0%']]);
    const overdue = blocks.find((b) => b.kind === 'table' && b.caption?.includes('逾期未完成的项目节点'));
    // Its 开工 milestone (due the day it was recorded, the start being late) and the one added, oldest first; the
    // green project's milestones are not yet due.
    expect(overdue?.rows?.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['城关镇新型碳材料项目', '开工', '2021-08-02'],
      ['城关镇新型碳材料项目', '完成设备招标', '2021-08-16'],
    ]);
    // Table numbers run on without a gap.
    const captions = blocks.filter((b) => b.kind === 'table' && b.caption).map((b) => Number(/^表(\d+)/.exec(b.caption ?? '')?.[1]));
    expect(captions).toEqual(captions.map((_, i) => i + 1));

    // The edited page shows it as drafted, and the issued .docx carries it.
    expect((await office.get(`/api/documents/${brief.id}`)).json().blocks).toEqual(brief.blocks);
    expect((await office.post(`/api/documents/${brief.id}/issue`, {})).statusCode).toBe(200);
    const docx = (await office.get(`/api/documents/${brief.id}/file.docx`)).rawPayload;
    keepArtefact('brief-projects.docx', docx);
    const paragraphs = await documentText(docx);
    expect(paragraphs).toContain('四、重点项目进展');
    expect(paragraphs).toContain('（一）红灯项目');
    const xml = await documentXml(docx);
    expect(xml).toContain('城关镇新型碳材料项目');
    expect(xml).toContain('完成设备招标');
  });
});
