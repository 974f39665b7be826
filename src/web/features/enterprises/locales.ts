import type { LocaleOf } from '../../lib/locale-types';

/** The enterprise profile (一企一档) pages strings in Simplified Chinese (the default), merged into the app's catalogue. */
export const zhCN = {
  enterprises: {
    name: '企业名称',
    uscc: '统一社会信用代码',
    usccHint: '18 位，系统校验末位校验码',
    township: '所属乡镇',
    address: '地址',
    industry: '行业（GB/T 4754）',
    chain: '产业链',
    serviceTeam: '服务专班',
    chiefOfficer: '首席服务官',
    employees: '从业人员',
    tags: '企业类型',
    aboveScale: '规上企业',
    highTech: '高新技术企业',
    highTechExpired: '高企证书已过期',
    highTechCertNo: '高企证书',
    highTechValidTo: '高企有效期至',
    validTo: '有效期至 {{date}}',
    smeTier: '专精特新',
    sme: { none: '无', innovative: '创新型中小企业', provincial: '省级专精特新', little_giant: '国家级专精特新"小巨人"' },
    rdInstitutions: '研发机构',
    contacts: '联系人',
    contactsMasked: '电话与证件号已部分隐藏；如需查看完整信息，请联系工业强县办公室。',
    contactName: '姓名',
    position: '职务',
    phone: '电话',
    idNumber: '身份证号',
    addContact: '添加联系人',
    tasks: '督办事项',
    noTasks: '暂无与该企业关联的督办事项',
    files: '档案资料',
    create: '新建企业',
    edit: '编辑企业档案',
    created: '企业档案已建立',
    searchPlaceholder: '企业名称或信用代码',
    importTitle: '批量导入企业',
  },
};

declare module '../../lib/locale-types' {
  interface FeatureCatalogues {
    enterprises: typeof zhCN;
  }
}

/** English: the same keys, every one translated. */
export const enUS: LocaleOf<typeof zhCN> = {
  enterprises: {
    name: 'Name',
    uscc: 'Unified social credit code',
    usccHint: '18 characters; the check character is verified',
    township: 'Township',
    address: 'Address',
    industry: 'Industry (GB/T 4754)',
    chain: 'Industrial chains',
    serviceTeam: 'Service team',
    chiefOfficer: 'Chief service officer',
    employees: 'Employees',
    tags: 'Kind',
    aboveScale: 'Above scale',
    highTech: 'High-tech',
    highTechExpired: 'High-tech certificate expired',
    highTechCertNo: 'High-tech certificate',
    highTechValidTo: 'Certificate valid to',
    validTo: 'valid to {{date}}',
    smeTier: 'Specialised SME',
    sme: { none: 'None', innovative: 'Innovative SME', provincial: 'Provincial specialised SME', little_giant: 'National "little giant"' },
    rdInstitutions: 'R&D institutions',
    contacts: 'Contacts',
    contactsMasked: 'Phone and ID numbers are partly hidden; ask the leading group office if you need them.',
    contactName: 'Name',
    position: 'Position',
    phone: 'Phone',
    idNumber: 'ID number',
    addContact: 'Add contact',
    tasks: 'Tasks',
    noTasks: 'No tasks linked to this firm',
    files: 'Documents',
    create: 'New enterprise',
    edit: 'Edit profile',
    created: 'Profile created',
    searchPlaceholder: 'Name or credit code',
    importTitle: 'Import enterprises',
  },
};
