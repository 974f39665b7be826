import { ensureDemoReportForms } from './reports.demo';
import { type Env, type PatchCases, get, post } from '../../test/patch-cases';

/** The reports module's PATCH routes for the generic PATCH test. */
export const patchCases: PatchCases = {
  async setup(t) {
    await ensureDemoReportForms(t.deps);
  },
  operations: {
    'PATCH /api/report-forms/{id}': {
      as: 'office',
      create: async ({ units }, client) => {
        const forms = (await get(client, '/api/report-forms')).items as { id: number }[];
        const { definition } = await get(client, `/api/report-forms/${forms[0].id}`);
        return (
          await post(client, '/api/report-forms', {
            code: 'patch_form',
            nameZh: '补丁报表',
            nameEn: 'Patch form',
            dueWorkingDay: 7,
            startMonth: '2021-03',
            allTownships: false,
            unitIds: [units.daying],
            active: false,
            definition,
          })
        ).id;
      },
      // The form's GET does not list its units: they are read from the database.
      read: async ({ t }, client, id) => ({
        ...(await get(client, `/api/report-forms/${id}`)),
        unitIds: (await t.deps.db.selectFrom('reportFormUnits').select('unitId').where('formId', '=', id).orderBy('unitId').execute()).map((r) => r.unitId),
      }),
      fields: {
        nameZh: { value: '补丁报表二' },
        nameEn: { value: 'Patch form 2' },
        dueWorkingDay: { value: 9 },
        startMonth: { value: '2021-04' },
        allTownships: { value: true },
        unitIds: { value: ({ units }: Env) => [units.chengguan] },
        active: { value: true },
      },
    },
  },
};
