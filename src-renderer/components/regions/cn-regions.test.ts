import { describe, expect, it } from 'vitest';
import { CN_PROVINCES, CN_PROVINCE_NAMES, citiesOf, districtsOf } from './cn-regions';

describe('cn-regions', () => {
  it('lists the 34 provincial-level divisions once each, by official name', () => {
    expect(CN_PROVINCE_NAMES).toHaveLength(34);
    expect(new Set(CN_PROVINCE_NAMES).size).toBe(34);
    expect(CN_PROVINCE_NAMES).toEqual(expect.arrayContaining(['北京市', '江苏省', '广西壮族自治区', '香港特别行政区', '澳门特别行政区', '台湾省']));
  });

  it('gives each municipality itself as its only city', () => {
    for (const m of ['北京市', '天津市', '上海市', '重庆市']) expect(citiesOf(m).map((x) => x.name)).toEqual([m]);
  });

  it('has the expected number of prefecture-level divisions and no duplicates', () => {
    const prefectures = (p: string) => citiesOf(p).filter((x) => !x.direct).length;
    expect(prefectures('江苏省')).toBe(13);
    expect(prefectures('广东省')).toBe(21);
    expect(prefectures('四川省')).toBe(21);
    expect(prefectures('山东省')).toBe(16);
    expect(CN_PROVINCES.reduce((n, p) => n + (p.cities.length === 1 && p.cities[0]!.name === p.name ? 0 : p.cities.filter((x) => !x.direct).length), 0)).toBe(333);
    for (const p of CN_PROVINCES) expect(new Set(p.cities.map((x) => x.name)).size).toBe(p.cities.length);
  });

  it('ships districts for a few cities only', () => {
    expect(districtsOf('北京市', '北京市')).toHaveLength(16);
    expect(districtsOf('上海市', '上海市')).toContain('浦东新区');
    expect(districtsOf('江苏省', '南京市')).toContain('江宁区');
    expect(districtsOf('江苏省', '无锡市')).toEqual([]);
  });
});
