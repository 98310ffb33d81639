/**
 * Indonesia has three time zones. The home region's province code decides which one a
 * deployment reports in (daily briefs, "today", hourly rollups shown to users).
 */
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

export type IndonesianTimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

export function timeZoneForRegion(regionCode: string | undefined): IndonesianTimeZone {
  const province = regionCode?.slice(0, 2) ?? '';
  if (WITA_PROVINCES.has(province)) {
    return 'Asia/Makassar';
  }
  if (WIT_PROVINCES.has(province)) {
    return 'Asia/Jayapura';
  }
  return 'Asia/Jakarta';
}

/** WIB, WITA or WIT: the abbreviation Indonesian readers expect next to a time. */
export function timeZoneAbbreviation(zone: IndonesianTimeZone): 'WIB' | 'WITA' | 'WIT' {
  switch (zone) {
    case 'Asia/Makassar':
      return 'WITA';
    case 'Asia/Jayapura':
      return 'WIT';
    case 'Asia/Jakarta':
      return 'WIB';
  }
}
