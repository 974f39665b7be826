import type { MessageSet, ModuleMessageTexts } from '../i18n/messages';

const zh = {
  'err.indicator.not_lagging': '该单位本月没有红灯或未报指标，无需督办',
};

export const INDICATOR_MESSAGES: ModuleMessageTexts<typeof zh> = {
  zh,
  en: {
    'err.indicator.not_lagging': 'The unit has no red or missing indicator this month: nothing to follow up',
  },
};

declare module '../i18n/messages' {
  interface ModuleMessages extends MessageSet<typeof zh> {}
}
