/**
 * Indonesia's administrative areas (Kemendagri codes) from the idn-area-data package, indexed for the blind
 * generators: a regency's districts, a district's villages, display names without the KABUPATEN/KOTA prefix.
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';

export interface Area {
  code: string;
  /** Display name in title case ('Sungai Raya', 'Banyumas'). */
  name: string;
  parentCode: string;
}

export interface RegencyArea extends Area {
  kind: 'kabupaten' | 'kota';
}

export interface AreaIndex {
  provinces: Map<string, Area>;
  regencies: Map<string, RegencyArea>;
  districtsByRegency: Map<string, Area[]>;
  villagesByDistrict: Map<string, Area[]>;
}

export function titleCase(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/(^|[\s(/-])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

let cached: Promise<AreaIndex> | undefined;

/** Loads (once per process) the provinces, regencies, districts and villages. */
export function loadAreaIndex(): Promise<AreaIndex> {
  cached ??= buildAreaIndex();
  return cached;
}

async function buildAreaIndex(): Promise<AreaIndex> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const index: AreaIndex = {
    provinces: new Map(provinces.map((p) => [p.code, { code: p.code, name: titleCase(p.name), parentCode: '' }])),
    regencies: new Map(),
    districtsByRegency: new Map(),
    villagesByDistrict: new Map(),
  };
  for (const r of regencies) {
    const kota = /^KOTA\s/u.test(r.name);
    const bare = r.name.replace(/^(KABUPATEN|KOTA)\s+/u, '');
    index.regencies.set(r.code, {
      code: r.code,
      name: titleCase(bare),
      parentCode: r.province_code,
      kind: kota ? 'kota' : 'kabupaten',
    });
  }
  for (const d of districts) {
    const list = index.districtsByRegency.get(d.regency_code) ?? [];
    list.push({ code: d.code, name: titleCase(d.name), parentCode: d.regency_code });
    index.districtsByRegency.set(d.regency_code, list);
  }
  for (const v of villages) {
    const list = index.villagesByDistrict.get(v.district_code) ?? [];
    list.push({ code: v.code, name: titleCase(v.name), parentCode: v.district_code });
    index.villagesByDistrict.set(v.district_code, list);
  }
  return index;
}

/** A place name a person would write: letters and spaces, 5–24 characters, at most three words. */
export function isWritablePlaceName(name: string): boolean {
  return /^[\p{L}' -]{5,24}$/u.test(name) && name.split(' ').length <= 3;
}

export function regencyOf(index: AreaIndex, code: string): RegencyArea {
  const r = index.regencies.get(code);
  if (!r) {
    throw new Error(`unknown regency code ${code}`);
  }
  return r;
}

export function writableDistricts(index: AreaIndex, regencyCode: string): Area[] {
  return (index.districtsByRegency.get(regencyCode) ?? []).filter((d) => isWritablePlaceName(d.name));
}

export function writableVillages(index: AreaIndex, districtCode: string): Area[] {
  return (index.villagesByDistrict.get(districtCode) ?? []).filter((v) => isWritablePlaceName(v.name));
}
