import { formatCountyTime } from '../../../shared/dates';
import type { Locale } from '../../../shared/i18n/messages';
import type { Delivery, Notification, Webhook } from '../../../shared/modules/notifications.schemas';
import type { ExportColumn } from '../excel/export';

const time = (iso: string | null) => (iso ? formatCountyTime(iso) : '');

/** The inbox columns, as the list shows them. */
export function notificationExportColumns(locale: Locale): ExportColumn<Notification>[] {
  const i = locale === 'en-US' ? 1 : 0;
  return [
    { zh: '消息', en: 'Message', width: 60, value: (n) => (i ? n.titleEn : n.titleZh) },
    { zh: '时间', en: 'Time', width: 22, value: (n) => time(n.createdAt) },
    { zh: '状态', en: 'Status', width: 10, value: (n) => (n.readAt ? ['已读', 'Read'][i] : ['未读', 'Unread'][i]) },
  ];
}

/** The webhook columns, as the settings page shows them. */
export function webhookExportColumns(locale: Locale): ExportColumn<Webhook>[] {
  const i = locale === 'en-US' ? 1 : 0;
  return [
    { zh: '单位', en: 'Unit', width: 24, value: (w) => (i ? w.unit.nameEn : w.unit.nameZh) },
    { zh: '名称', en: 'Name', width: 20, value: (w) => w.name },
    { zh: '机器人地址（Webhook URL）', en: 'Robot address (webhook URL)', width: 50, value: (w) => w.url },
    { zh: '状态', en: 'Status', width: 10, value: (w) => (w.active ? ['正常', 'Active'][i] : ['已停用', 'Disabled'][i]) },
    { zh: '待发送', en: 'Pending', width: 10, value: (w) => w.pending },
    { zh: '发送失败', en: 'Failed', width: 10, value: (w) => w.failed },
    { zh: '最近发送', en: 'Last sent', width: 22, value: (w) => time(w.lastSentAt) },
  ];
}

const DELIVERY_STATUS = { pending: ['待发送', 'Pending'], sent: ['已发送', 'Sent'], failed: ['已放弃', 'Given up'] } as const;

/** The delivery columns, as the settings page shows them. */
export function deliveryExportColumns(locale: Locale): ExportColumn<Delivery>[] {
  const i = locale === 'en-US' ? 1 : 0;
  return [
    { zh: '生成时间', en: 'Queued at', width: 22, value: (d) => time(d.createdAt) },
    { zh: '单位', en: 'Unit', width: 30, value: (d) => `${i ? d.unitNameEn : d.unitNameZh} · ${d.webhookName}` },
    { zh: '状态', en: 'Status', width: 10, value: (d) => DELIVERY_STATUS[d.status][i] },
    { zh: '尝试次数', en: 'Attempts', width: 10, value: (d) => d.attempts },
    { zh: '下次尝试', en: 'Next attempt', width: 22, value: (d) => (d.status === 'pending' ? time(d.nextAttemptAt) : '') },
    { zh: '发送时间', en: 'Sent at', width: 22, value: (d) => time(d.sentAt) },
    { zh: '最近错误', en: 'Last error', width: 40, value: (d) => d.lastError },
  ];
}
