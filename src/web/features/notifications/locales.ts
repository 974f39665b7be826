import type { LocaleOf } from '../../lib/locale-types';

/** The inbox strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  inbox: {
    title: '消息中心',
    unreadOnly: '只看未读',
    markRead: '标为已读',
    markAllRead: '全部标为已读',
    unread: '未读',
    read: '已读',
    open: '查看',
    bell: '消息（{{count}} 条未读）',
    empty: '暂无消息',
    createdAt: '时间',
    message: '消息',
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    notifications: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  inbox: {
    title: 'Inbox',
    unreadOnly: 'Unread only',
    markRead: 'Mark read',
    markAllRead: 'Mark all read',
    unread: 'Unread',
    read: 'Read',
    open: 'Open',
    bell: 'Messages ({{count}} unread)',
    empty: 'No messages',
    createdAt: 'Time',
    message: 'Message',
  },
};
