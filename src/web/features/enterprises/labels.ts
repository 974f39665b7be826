import { INDUSTRY_CODES, industryByCode } from '../../../shared/industry-codes';
import { useLocale } from '../../lib/i18n';

/** The industry of a code in the UI language, e.g. `C31 黑色金属冶炼和压延加工业`. */
export function useIndustryLabel(): (code: string) => string {
  const english = useLocale() === 'en-US';
  return (code) => {
    const industry = industryByCode.get(code);
    return industry ? `${code} ${english ? industry.en : industry.zh}` : code;
  };
}

/** Options for an industry picker: every division and section. */
export function useIndustryOptions() {
  const label = useIndustryLabel();
  return INDUSTRY_CODES.map((c) => ({ value: c.code, label: label(c.code) }));
}
