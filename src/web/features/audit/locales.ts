import type { LocaleOf } from '../../lib/locale-types';

/** The audit log page strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  audit: {
    actor: '操作人',
    system: '系统',
    action: '操作',
    entityType: '对象类型',
    entityId: '对象编号',
    field: '字段',
    before: '变更前',
    after: '变更后',
    noSnapshot: '此记录没有变更前后的数据',
    verify: '校验审计链',
    verifyOk: '审计链完整',
    verifyOkDetail: '已校验 {{count}} 条记录，未发现篡改或删除。',
    verifyBroken: '审计链校验未通过',
    verifyBrokenAt: '已校验 {{count}} 条记录，自第 {{id}} 号记录起哈希不一致，记录可能被篡改或删除。',
    verifyBrokenDetail: '已校验 {{count}} 条记录，发现哈希不一致，记录可能被篡改或删除。',
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    audit: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  audit: {
    actor: 'By',
    system: 'System',
    action: 'Action',
    entityType: 'Object type',
    entityId: 'Object ID',
    field: 'Field',
    before: 'Before',
    after: 'After',
    noSnapshot: 'This record has no before/after data',
    verify: 'Verify audit chain',
    verifyOk: 'The audit chain is intact',
    verifyOkDetail: '{{count}} records checked; nothing was altered or removed.',
    verifyBroken: 'The audit chain check failed',
    verifyBrokenAt: '{{count}} records checked; the hashes stop matching at record {{id}}: records may have been altered or removed.',
    verifyBrokenDetail: '{{count}} records checked; the hashes do not match: records may have been altered or removed.',
  },
};
