/** The county's clock: China Standard Time, UTC+8 all year (no daylight saving). */
const COUNTY_OFFSET_MS = 8 * 3_600_000;

/** The UTC instant (ISO) at which a county calendar day `YYYY-MM-DD` begins. */
export function countyDayStartUtc(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - COUNTY_OFFSET_MS).toISOString();
}

/** The UTC instant (ISO) at which the county day after `YYYY-MM-DD` begins (exclusive upper bound). */
export function countyDayEndUtc(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - COUNTY_OFFSET_MS + 86_400_000).toISOString();
}

/** A UTC instant shown as county local time, `YYYY-MM-DD HH:mm:ss`. */
export function formatCountyTime(iso: string): string {
  return new Date(Date.parse(iso) + COUNTY_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
