/**
 * GB/T 4754-2017 (国民经济行业分类): the sections, and the divisions of mining, manufacturing and utilities where a
 * county's industrial firms sit. A firm's industry code is a division (`C31`) or, outside industry, a section (`F`).
 */
export interface IndustryCode {
  code: string;
  zh: string;
  en: string;
}

export const INDUSTRY_SECTIONS: IndustryCode[] = [
  { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: 'B', zh: '采矿业', en: 'Mining' },
  { code: 'C', zh: '制造业', en: 'Manufacturing' },
  { code: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply' },
  { code: 'E', zh: '建筑业', en: 'Construction' },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade' },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  { code: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services' },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
];

export const INDUSTRY_DIVISIONS: IndustryCode[] = [
  { code: 'B06', zh: '煤炭开采和洗选业', en: 'Coal mining and washing' },
  { code: 'B10', zh: '非金属矿采选业', en: 'Non-metallic mineral mining' },
  { code: 'C13', zh: '农副食品加工业', en: 'Agricultural and sideline food processing' },
  { code: 'C14', zh: '食品制造业', en: 'Food manufacturing' },
  { code: 'C15', zh: '酒、饮料和精制茶制造业', en: 'Liquor, beverages and refined tea' },
  { code: 'C16', zh: '烟草制品业', en: 'Tobacco products' },
  { code: 'C17', zh: '纺织业', en: 'Textiles' },
  { code: 'C18', zh: '纺织服装、服饰业', en: 'Textile garments and apparel' },
  { code: 'C19', zh: '皮革、毛皮、羽毛及其制品和制鞋业', en: 'Leather, fur, feathers and footwear' },
  { code: 'C20', zh: '木材加工和木、竹、藤、棕、草制品业', en: 'Wood, bamboo, rattan, palm and straw products' },
  { code: 'C21', zh: '家具制造业', en: 'Furniture' },
  { code: 'C22', zh: '造纸和纸制品业', en: 'Paper and paper products' },
  { code: 'C23', zh: '印刷和记录媒介复制业', en: 'Printing and reproduction of recorded media' },
  { code: 'C24', zh: '文教、工美、体育和娱乐用品制造业', en: 'Stationery, crafts, sports and entertainment goods' },
  { code: 'C25', zh: '石油、煤炭及其他燃料加工业', en: 'Petroleum, coal and other fuel processing' },
  { code: 'C26', zh: '化学原料和化学制品制造业', en: 'Chemical raw materials and chemical products' },
  { code: 'C27', zh: '医药制造业', en: 'Pharmaceuticals' },
  { code: 'C28', zh: '化学纤维制造业', en: 'Chemical fibres' },
  { code: 'C29', zh: '橡胶和塑料制品业', en: 'Rubber and plastic products' },
  { code: 'C30', zh: '非金属矿物制品业', en: 'Non-metallic mineral products' },
  { code: 'C31', zh: '黑色金属冶炼和压延加工业', en: 'Ferrous metal smelting and rolling' },
  { code: 'C32', zh: '有色金属冶炼和压延加工业', en: 'Non-ferrous metal smelting and rolling' },
  { code: 'C33', zh: '金属制品业', en: 'Metal products' },
  { code: 'C34', zh: '通用设备制造业', en: 'General-purpose machinery' },
  { code: 'C35', zh: '专用设备制造业', en: 'Special-purpose machinery' },
  { code: 'C36', zh: '汽车制造业', en: 'Motor vehicles' },
  { code: 'C37', zh: '铁路、船舶、航空航天和其他运输设备制造业', en: 'Railway, ship, aerospace and other transport equipment' },
  { code: 'C38', zh: '电气机械和器材制造业', en: 'Electrical machinery and equipment' },
  { code: 'C39', zh: '计算机、通信和其他电子设备制造业', en: 'Computers, communication and other electronic equipment' },
  { code: 'C40', zh: '仪器仪表制造业', en: 'Instruments and meters' },
  { code: 'C41', zh: '其他制造业', en: 'Other manufacturing' },
  { code: 'C42', zh: '废弃资源综合利用业', en: 'Recycling of waste resources' },
  { code: 'C43', zh: '金属制品、机械和设备修理业', en: 'Repair of metal products, machinery and equipment' },
  { code: 'D44', zh: '电力、热力生产和供应业', en: 'Electricity and heat production and supply' },
  { code: 'D45', zh: '燃气生产和供应业', en: 'Gas production and supply' },
  { code: 'D46', zh: '水的生产和供应业', en: 'Water production and supply' },
];

/** Every code a firm may carry: divisions first (what industrial firms use), then the other sections. */
export const INDUSTRY_CODES: IndustryCode[] = [...INDUSTRY_DIVISIONS, ...INDUSTRY_SECTIONS.filter((s) => !['B', 'C', 'D'].includes(s.code))];

export const industryByCode = new Map(INDUSTRY_CODES.map((c) => [c.code, c]));
