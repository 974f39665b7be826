import type { LocaleOf } from '../../lib/locale-types';

/** The home page strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  home: {
    welcome: '您好，{{name}}',
    unit: '所属单位',
    username: '用户名',
    roles: '角色',
    noRoles: '暂未分配角色',
    shortcuts: '我可以做什么',
    noShortcuts: '暂无可用功能，请联系系统管理员分配权限',
    demo: '当前为演示环境，页面中的单位、用户等均为演示数据。',
    describe: {
      units: '查看县、乡镇、部门等组织机构树',
      users: '查看和维护用户账号、所属单位与角色',
      roles: '查看和配置角色的数据范围与权限',
      security: '设置会话超时、登录锁定与密码策略',
      loginLog: '查询所有登录尝试及其结果',
      audit: '查询数据变更记录，校验审计链是否完整',
      myTasks: '指定由我经办的督办事项',
      unitTasks: '本单位承办或协办的督办事项，提交办结与留言',
      allTasks: '按单位、状态、时限查询督办事项，交办新事项',
      inbox: '事项交办、退回、办结和超期提醒',
      webhooks: '配置各单位的企业微信、钉钉群机器人推送',
      jobs: '查看超期升级、消息推送等定时任务的执行记录',
      enterprises: '查看和维护一企一档，按模板批量导入',
      calendar: '查看法定节假日与调休安排，计算工作日期限',
    },
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    home: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  home: {
    welcome: 'Welcome, {{name}}',
    unit: 'Unit',
    username: 'User name',
    roles: 'Roles',
    noRoles: 'No roles assigned yet',
    shortcuts: 'What you can do',
    noShortcuts: 'Nothing is available to you yet; ask the system administrator for permissions',
    demo: 'This is a demonstration system: its units, users and other data are made up.',
    describe: {
      units: 'See the tree of the county, townships, departments and other units',
      users: 'See and maintain user accounts, their units and roles',
      roles: 'See and configure the data scope and permissions of roles',
      security: 'Set session timeouts, sign-in lockout and the password policy',
      loginLog: 'Search every sign-in attempt and its result',
      audit: 'Search data changes and check that the audit chain is intact',
      myTasks: 'Tasks assigned to me by name',
      unitTasks: 'Tasks my unit owns or co-handles: submit, comment',
      allTasks: 'Search tasks by unit, status and deadline; assign new ones',
      inbox: 'Notices of assigned, returned, accepted and overdue tasks',
      webhooks: 'WeCom and DingTalk group robots of each unit',
      jobs: 'Runs of the escalation, webhook and other scheduled jobs',
      enterprises: 'See and maintain enterprise profiles; import them by template',
      calendar: 'See holidays and make-up working days, and compute deadlines in working days',
    },
  },
};
