import type { LocaleOf } from '../../lib/locale-types';

/** The webhooks pages strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  webhooks: {
    title: '消息推送',
    intro: '为单位配置企业微信或钉钉群机器人地址，该单位人员收到的站内消息会同时推送到群里；发送失败会自动重试。',
    create: '新增推送地址',
    edit: '编辑推送地址',
    unit: '单位',
    name: '名称',
    url: '机器人地址（Webhook URL）',
    active: '启用',
    pending: '待发送',
    failed: '发送失败',
    lastSentAt: '最近发送',
    test: '发送测试消息',
    testOk: '测试消息已发送',
    testFailed: '测试消息发送失败：{{error}}',
    deliveries: '发送记录',
    allowedHosts: '内网放行',
    allowedHostsLabel: '允许的内网主机',
    allowedHostsPlaceholder: '主机名或 IP，如 10.0.0.8，回车添加',
    allowedHostsHint: '推送地址默认不能指向本机、内网或链路本地地址。仅在确有内网机器人网关时放行其主机；发送记录只显示状态，不显示消息内容与对方回复。',
    attempts: '尝试次数',
    nextAttemptAt: '下次尝试',
    lastError: '最近错误（状态）',
    sentAt: '发送时间',
    createdAt: '生成时间',
    confirmDisable: '停用后该单位的消息不再推送到此地址，确定停用吗？',
    deliveryStatus: { pending: '待发送', sent: '已发送', failed: '已放弃' },
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    webhooks: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  webhooks: {
    title: 'Webhooks',
    intro:
      'Give a unit a WeCom or DingTalk group-robot address: the notices its people receive are also posted to the group. Failed sends are retried automatically.',
    create: 'Add webhook',
    edit: 'Edit webhook',
    unit: 'Unit',
    name: 'Name',
    url: 'Robot address (webhook URL)',
    active: 'Enabled',
    pending: 'Pending',
    failed: 'Failed',
    lastSentAt: 'Last sent',
    test: 'Send a test message',
    testOk: 'Test message sent',
    testFailed: 'The test message failed: {{error}}',
    deliveries: 'Deliveries',
    allowedHosts: 'Internal hosts',
    allowedHostsLabel: 'Internal hosts allowed',
    allowedHostsPlaceholder: 'Host name or IP, e.g. 10.0.0.8; Enter to add',
    allowedHostsHint:
      'By default a webhook may not point to this machine, a private network or a link-local address. Allow a host only for an intranet robot gateway; deliveries show their status only, never the message or the answer.',
    attempts: 'Attempts',
    nextAttemptAt: 'Next attempt',
    lastError: 'Last error (status)',
    sentAt: 'Sent at',
    createdAt: 'Queued at',
    confirmDisable: 'Once disabled, the unit’s notices are no longer posted to this address. Disable it?',
    deliveryStatus: { pending: 'Pending', sent: 'Sent', failed: 'Given up' },
  },
};
