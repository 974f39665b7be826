import { z } from 'zod';
import { strictId } from '../ids';
import { INDUSTRY_CODES } from '../industry-codes';
import { listQuery, pageOf, queryBoolean } from '../list';
import { patchOf } from '../patch';
import { usccProblem } from '../rules/uscc';

export const SME_TIERS = ['none', 'innovative', 'provincial', 'little_giant'] as const;
export type SmeTier = (typeof SME_TIERS)[number];

const text = (max: number) => z.string().trim().max(max);
const date = z.iso.date();

export const uscc = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const problem = usccProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `err.uscc.${problem}` });
  });

export const industryCode = z.string().refine((c) => INDUSTRY_CODES.some((i) => i.code === c), 'err.industry_code');

export const contactInput = z.strictObject({
  name: text(40).min(1, 'err.required'),
  position: text(40).default(''),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,20}$/, 'err.phone')
    .default(''),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{17}[\dX])?$/, 'err.id_number')
    .default(''),
});

const enterpriseFields = {
  name: text(100).min(2, 'err.required'),
  uscc,
  townshipUnitId: z.number().int().positive(),
  address: text(200).default(''),
  industryCode,
  chainUnitIds: z.array(z.number().int().positive()).max(10).default([]),
  aboveScale: z.boolean().default(false),
  highTech: z.boolean().default(false),
  highTechCertNo: text(40).default(''),
  highTechValidTo: date.nullable().default(null),
  smeTier: z.enum(SME_TIERS).default('none'),
  rdInstitutions: text(500).default(''),
  employees: z.number().int().min(0).max(1_000_000).nullable().default(null),
  serviceTeamUnitId: z.number().int().positive().nullable().default(null),
  chiefOfficerUserId: z.number().int().positive().nullable().default(null),
  contacts: z.array(contactInput).max(10).default([]),
};

export const createEnterpriseBody = z.strictObject(enterpriseFields);
export const updateEnterpriseBody = patchOf(enterpriseFields);

const ref = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });

export const enterpriseSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  township: ref,
  address: z.string(),
  industryCode: z.string(),
  chains: z.array(ref),
  aboveScale: z.boolean(),
  highTech: z.boolean(),
  highTechCertNo: z.string(),
  highTechValidTo: z.string().nullable(),
  smeTier: z.enum(SME_TIERS),
  rdInstitutions: z.string(),
  employees: z.number().int().nullable(),
  serviceTeam: ref.nullable(),
  chiefOfficer: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  /** Phone and ID numbers are masked unless the caller holds `enterprise:pii`. */
  contacts: z.array(z.object({ name: z.string(), position: z.string(), phone: z.string(), idNumber: z.string() })),
  piiMasked: z.boolean(),
  /** Whether the caller may edit this firm. */
  writable: z.boolean(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const ENTERPRISE_SORTS = ['name', 'uscc', 'employees', 'updatedAt'] as const;
export const enterpriseListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(ENTERPRISE_SORTS).optional(),
  q: z.string().trim().max(60).optional(),
  townshipUnitId: strictId.optional(),
  industryCode: z.string().max(4).optional(),
  chainUnitId: strictId.optional(),
  aboveScale: queryBoolean.optional(),
  highTech: queryBoolean.optional(),
  smeTier: z.enum(SME_TIERS).optional(),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;
export const enterprisePage = pageOf(enterpriseSchema);
