import { describe, expect, it } from 'vitest';
import { CALENDAR_2021 } from './fixtures/calendar-2021';
import {
  type ReportFormDefinition,
  type ReportStatus,
  type ReportValues,
  type Timeliness,
  blockingProblems,
  completeness,
  definitionProblems,
  reportDueDate,
  reportingRates,
  shapeProblems,
  timeliness,
  validateReport,
} from './report-forms';

const def: ReportFormDefinition = {
  sections: [
    {
      key: 'counts',
      titleZh: '企业数',
      titleEn: 'Counts',
      fields: [
        { key: 'firms', type: 'integer', labelZh: '工业企业数', labelEn: 'Firms', required: true, min: 0 },
        { key: 'aboveScale', type: 'integer', labelZh: '其中规上', labelEn: 'Of which above scale', required: true, min: 0 },
        { key: 'outputYtd', type: 'number', labelZh: '产值累计', labelEn: 'Output YTD', decimals: 2, min: 0, max: 1_000_000 },
        { key: 'note', type: 'text', labelZh: '说明', labelEn: 'Note', maxLength: 5 },
        { key: 'stage', type: 'choice', labelZh: '阶段', labelEn: 'Stage', options: [{ value: 'a', labelZh: '甲', labelEn: 'A' }] },
        { key: 'on', type: 'date', labelZh: '日期', labelEn: 'Date' },
        { key: 'ok', type: 'yesno', labelZh: '是否', labelEn: 'Yes/no' },
        { key: 'firm', type: 'enterprise', labelZh: '企业', labelEn: 'Firm' },
      ],
    },
    {
      key: 'projects',
      titleZh: '项目',
      titleEn: 'Projects',
      fields: [
        { key: 'investment', type: 'number', labelZh: '完成投资', labelEn: 'Investment', decimals: 2 },
        {
          key: 'rows',
          type: 'table',
          labelZh: '项目',
          labelEn: 'Projects',
          required: true,
          maxRows: 3,
          columns: [
            { key: 'name', type: 'text', labelZh: '名称', labelEn: 'Name', required: true },
            { key: 'plan', type: 'number', labelZh: '计划', labelEn: 'Plan', min: 0 },
            { key: 'done', type: 'number', labelZh: '完成', labelEn: 'Done', min: 0 },
          ],
        },
      ],
    },
  ],
  rules: [
    { key: 'of_which', severity: 'error', left: { field: 'aboveScale' }, op: 'lte', right: { field: 'firms' }, messageZh: '', messageEn: '' },
    { key: 'cumulative', severity: 'warning', left: { field: 'outputYtd' }, op: 'gte', right: { previous: 'outputYtd' }, messageZh: '', messageEn: '' },
    {
      key: 'rows_sum',
      severity: 'error',
      left: { sum: 'rows', column: 'done' },
      op: 'lte',
      right: { field: 'investment' },
      target: 'investment',
      messageZh: '',
      messageEn: '',
    },
    {
      key: 'row_done',
      severity: 'warning',
      table: 'rows',
      target: 'done',
      left: { column: 'done' },
      op: 'lte',
      right: { column: 'plan' },
      messageZh: '',
      messageEn: '',
    },
  ],
};

const good: ReportValues = {
  firms: 10,
  aboveScale: 4,
  outputYtd: 12.5,
  investment: 3,
  rows: [
    { name: '甲', plan: 5, done: 1.1 },
    { name: '乙', plan: 5, done: 1.9 },
  ],
};
const codes = (values: ReportValues, previous: ReportValues | null = null) =>
  validateReport(def, values, previous).map((p) => `${p.path}:${p.code}${p.ruleKey ? `:${p.ruleKey}` : ''}:${p.severity}`);

describe('validateReport', () => {
  it.each<[string, ReportValues, ReportValues | null, string[]]>([
    ['a good report', good, null, []],
    ['missing required scalars and table', { outputYtd: 1 }, null, ['firms:required:error', 'aboveScale:required:error', 'rows:required:error']],
    ['empty string counts as missing', { ...good, firms: '  ' }, null, ['firms:required:error']],
    ['an integer with decimals', { ...good, firms: 10.5 }, null, ['firms:not_an_integer:error']],
    ['below min', { ...good, aboveScale: -1 }, null, ['aboveScale:below_min:error']],
    ['above max', { ...good, outputYtd: 2_000_000 }, null, ['outputYtd:above_max:error']],
    ['too many decimals', { ...good, outputYtd: 1.234 }, null, ['outputYtd:too_many_decimals:error']],
    ['text too long', { ...good, note: '123456' }, null, ['note:too_long:error']],
    ['choice outside the dictionary', { ...good, stage: 'z' }, null, ['stage:bad_choice:error']],
    ['a day that does not exist', { ...good, on: '2021-02-30' }, null, ['on:bad_date:error']],
    ['yes/no as text', { ...good, ok: 'yes' }, null, ['ok:not_yes_no:error']],
    ['enterprise not an id', { ...good, firm: 'x' }, null, ['firm:bad_enterprise:error']],
    ['unknown field', { ...good, extra: 1 }, null, ['extra:unknown_field:error']],
    ['row missing a required column', { ...good, rows: [{ plan: 1, done: 0 }] }, null, ['rows.0.name:required:error']],
    ['unknown column in a row', { ...good, rows: [{ name: 'a', x: 1 }] }, null, ['rows.0.x:unknown_field:error']],
    ['too many rows', { ...good, rows: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] }, null, ['rows:too_many_rows:error']],
    ['"of which" above the total', { ...good, aboveScale: 11 }, null, ['aboveScale:rule:of_which:error']],
    ['"of which" equal to the total', { ...good, aboveScale: 10 }, null, []],
    ['cumulative below last month', good, { outputYtd: 13 }, ['outputYtd:rule:cumulative:warning']],
    ['cumulative equal to last month', good, { outputYtd: 12.5 }, []],
    ['no last month: the rule is skipped', good, {}, []],
    ['sum of rows above the total (0.1+0.2 style rounding holds)', { ...good, investment: 2.99 }, null, ['investment:rule:rows_sum:error']],
    ['a row done above its plan', { ...good, investment: 10, rows: [{ name: 'a', plan: 1, done: 2 }] }, null, ['rows.0.done:rule:row_done:warning']],
    ['rules wait until types are right', { ...good, aboveScale: 11, firms: 'x' }, null, ['firms:not_a_number:error']],
  ])('%s', (_, values, previous, expected) => expect(codes(values, previous)).toEqual(expected));
});

describe('shapeProblems (draft save)', () => {
  it.each<[string, ReportValues, string[]]>([
    ['an empty draft is fine', {}, []],
    ['out of bounds is fine in a draft', { aboveScale: -5, outputYtd: 1.23456 }, []],
    ['wrong types are not', { firms: 'ten', ok: 1 }, ['firms:not_a_number', 'ok:not_yes_no']],
    ['unknown fields are not', { zzz: 1 }, ['zzz:unknown_field']],
    ['rows must be an array', { rows: 'x' as never }, ['rows:not_rows']],
  ])('%s', (_, values, expected) => expect(shapeProblems(def, values).map((p) => `${p.path}:${p.code}`)).toEqual(expected));
});

describe('blockingProblems', () => {
  const problems = validateReport(def, { ...good, aboveScale: 11 }, { outputYtd: 20 });
  it.each<[string, Record<string, string>, string[]]>([
    ['an error and an unexplained warning block', {}, ['of_which', 'cumulative']],
    ['an explained warning does not', { cumulative: '统计口径调整' }, ['of_which']],
    ['a blank explanation is no explanation', { cumulative: '  ' }, ['of_which', 'cumulative']],
    ['an explanation cannot excuse an error', { of_which: 'x', cumulative: 'y' }, ['of_which']],
  ])('%s', (_, explanations, expected) => expect(blockingProblems(problems, explanations).map((p) => p.ruleKey)).toEqual(expected));
});

describe('completeness', () => {
  it.each<[string, ReportValues, { filled: number; required: number; complete: boolean }]>([
    ['nothing filled', {}, { filled: 0, required: 3, complete: false }],
    ['all required filled', good, { filled: 3, required: 3, complete: true }],
    ['zero is a value', { ...good, firms: 0, aboveScale: 0 }, { filled: 3, required: 3, complete: true }],
    ['a table needs a row', { ...good, rows: [] }, { filled: 2, required: 3, complete: false }],
    ['a row missing a required column', { ...good, rows: [{ plan: 1 }] }, { filled: 2, required: 3, complete: false }],
  ])('%s', (_, values, expected) => expect(completeness(def, values)).toEqual(expected));
});

describe('reportDueDate on the working-day calendar', () => {
  it.each([
    // October 2021: 1–7 off, Saturday 9 worked → working days 8, 9, 11, 12, 13: the 5th is the 13th.
    ['2021-09', 5, '2021-10-13'],
    // September 2021: 1 Wed, 2, 3, 6, 7 → the 5th working day is Tuesday 7 September.
    ['2021-08', 5, '2021-09-07'],
    ['2021-08', 1, '2021-09-01'],
    // November 2021 has no holidays: 1–5 → Friday 5 November.
    ['2021-10', 5, '2021-11-05'],
    // December's report is due in January of the next year.
    ['2021-12', 5, '2022-01-07'],
  ])('%s, working day %i → %s', (month, n, due) => expect(reportDueDate(CALENDAR_2021, month, n)).toBe(due));
});

describe('timeliness', () => {
  it.each([
    ['2021-10-13', '2021-10-13', '2021-10-20', 'on_time'],
    ['2021-10-13', '2021-10-08', '2021-10-20', 'on_time'],
    ['2021-10-13', '2021-10-14', '2021-10-20', 'late'],
    ['2021-10-13', null, '2021-10-13', 'not_due'],
    ['2021-10-13', null, '2021-10-14', 'overdue'],
  ] as const)('due %s, submitted %s, today %s → %s', (due, submitted, today, expected) => expect(timeliness(due, submitted, today)).toBe(expected));
});

describe('reportingRates', () => {
  const cell = (status: ReportStatus, timeliness: Timeliness) => ({ status, timeliness });
  it.each([
    [
      'every expected report counts, started or not',
      [cell('accepted', 'on_time'), cell('submitted', 'late'), cell('draft', 'overdue'), cell('returned', 'on_time'), cell('not_started', 'not_due')],
      // The returned report was in on time, but it is not complete until it is in again: not timely either.
      { expected: 5, complete: 2, onTime: 1, overdue: 1, completenessRate: 40, timelinessRate: 20 },
    ],
    [
      'one of three forms sent before the due date is a third, not all',
      [cell('submitted', 'on_time'), cell('not_started', 'not_due'), cell('not_started', 'not_due')],
      { expected: 3, complete: 1, onTime: 1, overdue: 0, completenessRate: 33.3, timelinessRate: 33.3 },
    ],
    [
      'none started after the due date',
      [cell('not_started', 'overdue'), cell('not_started', 'overdue')],
      { expected: 2, complete: 0, onTime: 0, overdue: 2, completenessRate: 0, timelinessRate: 0 },
    ],
    [
      'all in on time',
      [cell('accepted', 'on_time'), cell('submitted', 'on_time')],
      { expected: 2, complete: 2, onTime: 2, overdue: 0, completenessRate: 100, timelinessRate: 100 },
    ],
    ['nothing expected: no rate', [], { expected: 0, complete: 0, onTime: 0, overdue: 0, completenessRate: null, timelinessRate: null }],
  ] as const)('%s', (_name, cells, expected) => {
    expect(reportingRates([...cells])).toEqual(expected);
  });
});

describe('definitionProblems', () => {
  it('accepts the test form', () => expect(definitionProblems(def)).toEqual([]));
  it('names duplicate keys and unknown references', () => {
    const bad: ReportFormDefinition = {
      sections: [
        {
          key: 's',
          titleZh: '',
          titleEn: '',
          fields: [
            { key: 'a', type: 'text', labelZh: '', labelEn: '', indicatorCode: 'X' },
            { key: 'a', type: 'table', labelZh: '', labelEn: '' },
          ],
        },
      ],
      rules: [{ key: 'r', severity: 'error', left: { field: 'zz' }, op: 'lte', right: { sum: 'a', column: 'q' }, messageZh: '', messageEn: '' }],
    };
    expect(definitionProblems(bad)).toEqual([
      'field a maps to an indicator but is not a number',
      'duplicate field a',
      'table a has no columns',
      'rule r names unknown field zz',
      'rule r names unknown column q',
    ]);
  });
});
