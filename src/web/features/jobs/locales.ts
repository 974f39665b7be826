import type { LocaleOf } from '../../lib/locale-types';

/** The scheduled jobs page strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  jobs: {
    title: '定时任务',
    job: '任务',
    period: '周期',
    instance: '执行实例',
    startedAt: '开始时间',
    finishedAt: '结束时间',
    result: '结果',
    ok: '成功',
    error: '失败',
    running: '执行中',
    message: '说明',
    names: {
      'tasks.escalate': '督办事项超期升级（每日 8:00）',
      'webhooks.deliver': '消息推送发送（每分钟）',
    },
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    jobs: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  jobs: {
    title: 'Scheduled jobs',
    job: 'Job',
    period: 'Period',
    instance: 'Instance',
    startedAt: 'Started',
    finishedAt: 'Finished',
    result: 'Result',
    ok: 'Succeeded',
    error: 'Failed',
    running: 'Running',
    message: 'Message',
    names: {
      'tasks.escalate': 'Escalate overdue tasks (daily 08:00)',
      'webhooks.deliver': 'Send webhook messages (every minute)',
    },
  },
};
