import type { LocaleOf } from '../../lib/locale-types';

/** The meetings pages' strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  home: {
    describe: {
      meetings: '登记月例会、调度会和专班会议，议定事项转为督办',
    },
  },
  taskType: { meeting_decision: '会议议定事项' },
  nav: {
    meetings: '会议管理',
  },
  auditAction: {
    meeting: { create: '登记会议', update: '修改会议', plan: '按例会安排生成会议' },
    meeting_schedule: { create: '新增例会安排', update: '修改例会安排' },
  },
  entityType: {
    meeting: '会议',
    meeting_schedule: '例会安排',
  },
  permGroup: {
    meeting: '会议',
  },
  perm: {
    'meeting:read': '查看会议',
    'meeting:write': '登记会议与议定事项',
  },
  jobs: {
    names: {
      'meetings.schedule': '按例会安排生成并通知会议（每日 8:00）',
    },
  },
  meetings: {
    create: '登记会议',
    save: '保存',
    kind: '会议类型',
    kinds: { monthly: '月例会', dispatch: '经济运行调度会', service_team: '专班会议', matchmaking: '政银企对接会' },
    title: '会议名称',
    date: '会议日期',
    convener: '召集人',
    location: '地点',
    units: '参会单位',
    attendees: '参会人员',
    agenda: '议程',
    minutes: '会议纪要',
    decisions: '议定事项',
    decision: '议定事项 {{n}}',
    decisionText: '事项',
    ownerUnit: '责任单位',
    dueDate: '完成时限',
    addDecision: '添加议定事项',
    removeDecision: '删除此项',
    progress: '办理进度',
    done: '已办结',
    searchPlaceholder: '按会议名称搜索',
    status: '状态',
    statuses: { planned: '计划召开', held: '已召开' },
    edit: '编辑会议',
    recordHeld: '记录会议召开情况',
    heldHint: '会议召开后，填写纪要和议定事项并将状态设为“已召开”；议定事项保存后生成督办事项。',
    newDecisions: '新增议定事项',
    attachments: '会议材料',
    schedules: '例会安排',
    schedulesIntro: '例会按每月第 N 个工作日召开（遇节假日按县工作日历顺延），系统提前若干个工作日自动生成会议并通知参会单位。',
    newSchedule: '新增例会安排',
    editSchedule: '修改例会安排',
    scheduleTitle: '会议名称（不含年月）',
    workingDay: '每月第几个工作日',
    workingDayValue: '每月第 {{n}} 个工作日',
    everyMonths: '每几个月召开一次',
    everyMonthsValue: '每 {{every}} 个月第 {{n}} 个工作日',
    startMonth: '起始月份',
    leadWorkingDays: '提前生成（工作日）',
    nextDate: '下次召开',
    active: '启用',
    inactive: '已停用',
    noSchedules: '尚无例会安排',
    upcoming: '近期会议',
    all: '全部会议',
    noUpcoming: '近期没有安排会议',
    scheduleTitlePlaceholder: '如：工业强县月例会',
    decisionLine: '{{seq}}. {{text}}（{{unit}}，{{due}}）',
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    meetings: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  home: {
    describe: {
      meetings: 'Record monthly, dispatch and service-team meetings; their decisions become tasks',
    },
  },
  nav: {
    meetings: 'Meetings',
  },
  auditAction: {
    meeting: { create: 'Record meeting', update: 'Change meeting', plan: 'Plan meeting from schedule' },
    meeting_schedule: { create: 'Add meeting schedule', update: 'Change meeting schedule' },
  },
  entityType: {
    meeting: 'Meeting',
    meeting_schedule: 'Meeting schedule',
  },
  permGroup: {
    meeting: 'Meetings',
  },
  perm: {
    'meeting:read': 'View meetings',
    'meeting:write': 'Record meetings and their decisions',
  },
  taskType: {
    meeting_decision: 'Meeting decision',
  },
  jobs: {
    names: {
      'meetings.schedule': 'Plan and announce scheduled meetings (daily 08:00)',
    },
  },
  meetings: {
    create: 'Record meeting',
    save: 'Save',
    kind: 'Kind',
    kinds: {
      monthly: 'Monthly meeting',
      dispatch: 'Economic dispatch meeting',
      service_team: 'Service-team meeting',
      matchmaking: 'Government–bank–enterprise matchmaking',
    },
    title: 'Title',
    date: 'Date',
    convener: 'Convener',
    location: 'Place',
    units: 'Attending units',
    attendees: 'Attendees',
    agenda: 'Agenda',
    minutes: 'Minutes',
    decisions: 'Decisions',
    decision: 'Decision {{n}}',
    decisionText: 'Decision',
    ownerUnit: 'Owner unit',
    dueDate: 'Due date',
    addDecision: 'Add a decision',
    removeDecision: 'Remove this decision',
    progress: 'Progress',
    done: 'Done',
    searchPlaceholder: 'Search by title',
    status: 'Status',
    statuses: { planned: 'Planned', held: 'Held' },
    edit: 'Edit meeting',
    recordHeld: 'Record the meeting',
    heldHint: 'Once the meeting has been held, fill in the minutes and decisions and set its status to “Held”; each decision becomes a task when saved.',
    newDecisions: 'New decisions',
    attachments: 'Meeting files',
    schedules: 'Meeting schedules',
    schedulesIntro:
      'A recurring meeting is held on the n-th working day of each month (on the county calendar); it is created a few working days ahead and the attending units are told.',
    newSchedule: 'Add schedule',
    editSchedule: 'Edit schedule',
    scheduleTitle: 'Meeting name (without the month)',
    workingDay: 'Working day of the month',
    workingDayValue: 'Working day {{n}} of each month',
    everyMonths: 'Every how many months',
    everyMonthsValue: 'Working day {{n}}, every {{every}} months',
    startMonth: 'First month',
    leadWorkingDays: 'Created ahead (working days)',
    nextDate: 'Next meeting',
    active: 'Active',
    inactive: 'Inactive',
    noSchedules: 'No meeting schedules yet',
    upcoming: 'Coming meetings',
    all: 'All meetings',
    noUpcoming: 'No meetings coming up',
    scheduleTitlePlaceholder: 'e.g. Monthly industry meeting',
    decisionLine: '{{seq}}. {{text}} ({{unit}}, due {{due}})',
  },
};
