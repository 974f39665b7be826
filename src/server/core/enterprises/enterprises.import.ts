import { unitsRepository } from '../org/units.repository';
import { z } from 'zod';
import type { Locale } from '../../../shared/i18n/messages';
import { translate } from '../../../shared/i18n/messages';
import { INDUSTRY_CODES } from '../../../shared/industry-codes';
import { SME_TIERS, type createEnterpriseBody, industryCode, uscc } from '../../../shared/modules/enterprises.schemas';
import { requirePermission, scopeFor, scopeIncludes } from '../access/access';
import type { UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import { batches } from '../db/batch';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import { type ImportOutcome, type ImportProblem, type ImportSpec, type Pace, type ParsedRow, importAllOrNothing, importTemplate } from '../excel/import';
import { enterprisesRepository } from './enterprises.repository';
import { type insertEnterprise, insertEnterprises } from './enterprises.service';

const text = (max: number) => z.string().trim().max(max);

const importRow = z.object({
  name: text(100).min(2, 'err.required'),
  uscc,
  township: text(40).min(1, 'err.required'),
  address: text(200).default(''),
  industryCode,
  aboveScale: z.boolean().default(false),
  highTech: z.boolean().default(false),
  highTechCertNo: text(40).default(''),
  highTechValidTo: z.iso.date().optional(),
  smeTier: z.enum(SME_TIERS).default('none'),
  employees: z.number().int().min(0).optional(),
  serviceTeam: text(60).optional(),
  contactName: text(40).optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,20}$/, 'err.phone')
    .optional(),
});
type ImportRow = z.infer<typeof importRow>;

const SME_CODES = [
  { value: 'none', zh: '无', en: 'none' },
  { value: 'innovative', zh: '创新型中小企业', en: 'Innovative SME' },
  { value: 'provincial', zh: '省级专精特新', en: 'Provincial specialised SME' },
  { value: 'little_giant', zh: '国家级专精特新"小巨人"', en: 'National little giant' },
];

/** The enterprise import: its template columns (both languages) and row schema. */
export const ENTERPRISE_IMPORT: ImportSpec<ImportRow> = {
  sheet: { zh: '企业名录', en: 'Enterprises' },
  row: importRow,
  columns: [
    { key: 'name', zh: '企业名称', en: 'Name', width: 34, required: true, notes: { zh: '营业执照上的全称', en: 'Full name as registered' } },
    {
      key: 'uscc',
      zh: '统一社会信用代码',
      en: 'Credit code',
      width: 22,
      required: true,
      notes: { zh: '18 位，含校验位', en: '18 characters with the check character' },
    },
    {
      key: 'township',
      zh: '所属乡镇',
      en: 'Township',
      width: 14,
      required: true,
      notes: { zh: '乡镇（街道）全称，如：大营镇', en: 'Township name, e.g. 大营镇' },
    },
    { key: 'address', zh: '地址', en: 'Address', width: 30 },
    {
      key: 'industryCode',
      zh: '行业',
      en: 'Industry',
      width: 30,
      required: true,
      notes: { zh: '从下拉列表选择（GB/T 4754）', en: 'Pick from the list (GB/T 4754)' },
      codes: INDUSTRY_CODES.map((c) => ({ value: c.code, zh: `${c.code} ${c.zh}`, en: `${c.code} ${c.en}` })),
    },
    { key: 'aboveScale', zh: '规上企业', en: 'Above scale', width: 10, type: 'boolean', notes: { zh: '是/否', en: 'yes/no' } },
    { key: 'highTech', zh: '高新技术企业', en: 'High-tech', width: 12, type: 'boolean', notes: { zh: '是/否', en: 'yes/no' } },
    { key: 'highTechCertNo', zh: '高企证书编号', en: 'High-tech certificate', width: 20 },
    { key: 'highTechValidTo', zh: '高企有效期至', en: 'Certificate valid to', width: 14, notes: { zh: '格式 2023-12-31', en: 'As 2023-12-31' } },
    { key: 'smeTier', zh: '专精特新', en: 'Specialised SME', width: 22, codes: SME_CODES },
    { key: 'employees', zh: '从业人员', en: 'Employees', width: 10, type: 'number' },
    { key: 'serviceTeam', zh: '服务专班', en: 'Service team', width: 26, notes: { zh: '产业链服务专班全称', en: 'Service team name' } },
    { key: 'contactName', zh: '联系人', en: 'Contact', width: 10 },
    { key: 'contactPhone', zh: '联系电话', en: 'Phone', width: 14 },
  ],
};

export function enterpriseTemplate(locale: Locale) {
  return importTemplate(ENTERPRISE_IMPORT, locale);
}

type Resolved = z.infer<typeof createEnterpriseBody>;

/** Looks credit codes up a thousand at a time: one statement per batch, never one per row. */
const LOOKUP_BATCH = 1000;

/** Turns names into ids and checks what the schema cannot: known township and team, codes unique in the file and the county. */
async function resolveRows(db: Executor, rows: ParsedRow<ImportRow>[], ctx: UserContext, locale: Locale, pace: Pace) {
  const scope = await scopeFor(db, ctx.user, 'enterprise:write');
  const units = await unitsRepository.activeOfKinds(db, ['township', 'service_team']);
  // By kind and name, either language (English in any case); the first unit of a name wins, as a search in order would.
  const byName = new Map<string, (typeof units)[number]>();
  for (const u of [...units].reverse()) {
    byName.set(`${u.kind}\u0000${u.nameEn.toLowerCase()}`, u);
    byName.set(`${u.kind}\u0000${u.nameZh}`, u);
  }
  const find = (kind: string, name: string) => byName.get(`${kind}\u0000${name}`) ?? byName.get(`${kind}\u0000${name.toLowerCase()}`);
  const taken = new Set<string>();
  for (const batch of batches([...new Set(rows.map((r) => r.values.uscc))], 1, LOOKUP_BATCH)) {
    for (const r of await enterprisesRepository.existingUsccs(db, batch)) taken.add(r.uscc);
    await pace.breathe();
  }
  const seen = new Set<string>();
  const problems: ImportProblem[] = [];
  const labels = new Map(ENTERPRISE_IMPORT.columns.map((c) => [c.key, locale === 'en-US' ? c.en : c.zh]));
  const problem = (row: number, key: string, message: Parameters<typeof translate>[1]) =>
    problems.push({ row, column: labels.get(key) ?? key, message: translate(locale, message) });
  const resolved: Resolved[] = [];
  for (const { row, values: v } of rows) {
    await pace.tick();
    const township = find('township', v.township);
    if (!township || !scopeIncludes(scope, township.id)) problem(row, 'township', 'err.township_unknown');
    const team = v.serviceTeam ? find('service_team', v.serviceTeam) : undefined;
    if (v.serviceTeam && !team) problem(row, 'serviceTeam', 'err.service_team_unknown');
    if (taken.has(v.uscc)) problem(row, 'uscc', 'err.uscc_taken');
    else if (seen.has(v.uscc)) problem(row, 'uscc', 'err.uscc_duplicate_in_file');
    seen.add(v.uscc);
    resolved.push({
      name: v.name,
      uscc: v.uscc,
      townshipUnitId: township?.id ?? 0,
      address: v.address,
      industryCode: v.industryCode,
      chainUnitIds: team ? [team.id] : [],
      aboveScale: v.aboveScale,
      highTech: v.highTech,
      highTechCertNo: v.highTechCertNo,
      highTechValidTo: v.highTechValidTo ?? null,
      smeTier: v.smeTier,
      rdInstitutions: '',
      employees: v.employees ?? null,
      serviceTeamUnitId: team?.id ?? null,
      chiefOfficerUserId: null,
      contacts: v.contactName ? [{ name: v.contactName, position: '', phone: v.contactPhone ?? '', idNumber: '' }] : [],
    });
  }
  return { resolved, problems };
}

// An enterprise row binds 16 values; chains and contacts are written per batch of firms alongside.
const ENTERPRISE_COLUMNS = 16;

/**
 * Imports a filled template: every row is checked first, then all rows are written in one transaction, or none,
 * 500 firms per statement. `writeOne`, a writer of one firm, replaces the batches: tests swap it in to prove a
 * failure half-way leaves nothing behind.
 */
export async function importEnterprises(deps: Deps, ctx: UserContext, buffer: Buffer, writeOne?: typeof insertEnterprise): Promise<ImportOutcome> {
  requirePermission(ctx, 'enterprise:import');
  return importAllOrNothing(deps, buffer, ENTERPRISE_IMPORT, ctx.locale, {
    check: (trx, rows, _refused, pace) => resolveRows(trx, rows, ctx, ctx.locale, pace),
    write: async (trx, resolved, pace) => {
      const now = deps.clock.now().toISOString();
      if (writeOne)
        for (const body of resolved) {
          await writeOne(trx, now, body);
          await pace.tick();
        }
      else
        for (const batch of batches(resolved, ENTERPRISE_COLUMNS)) {
          await insertEnterprises(trx, now, batch);
          await pace.breathe();
        }
      await recordAudit(trx, deps, ctx, {
        action: 'enterprise.import',
        entityType: 'enterprise',
        entityId: null,
        after: { rows: resolved.length, usccs: resolved.map((r) => r.uscc) },
      });
    },
  });
}
