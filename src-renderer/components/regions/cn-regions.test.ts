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
    const mainland = CN_PROVINCES.filter((p) => p.code !== undefined);
    expect(mainland.reduce((n, p) => n + (p.cities.length === 1 && p.cities[0]!.name === p.name ? 0 : p.cities.filter((x) => !x.direct).length), 0)).toBe(333);
    expect(citiesOf('河南省').filter((x) => x.direct).map((x) => x.name)).toEqual(['济源市']);
    for (const p of CN_PROVINCES) expect(new Set(p.cities.map((x) => x.name)).size).toBe(p.cities.length);
  });

  it('has every district of every city, with GB/T 2260 codes', () => {
    expect(districtsOf('北京市', '北京市')).toHaveLength(16);
    expect(districtsOf('上海市', '上海市')).toContain('浦东新区');
    // 重庆's source splits districts (市辖区) from counties (县): one list here.
    expect(districtsOf('重庆市', '重庆市')).toEqual(expect.arrayContaining(['渝中区', '城口县']));
    expect(districtsOf('江苏省', '南京市')).toContain('江宁区');
    expect(districtsOf('江苏省', '无锡市')).toEqual(expect.arrayContaining(['梁溪区', '江阴市', '宜兴市']));
    expect(citiesOf('江苏省').find((x) => x.name === '苏州市')?.code).toBe('3205');
    // A city without districts offers its towns: addresses in 东莞 name the town.
    expect(districtsOf('广东省', '东莞市')).toContain('长安镇');
    const mainland = CN_PROVINCES.filter((p) => p.code !== undefined);
    for (const p of mainland) for (const city of p.cities.filter((x) => !x.direct)) expect(city.districts.length, `${p.name} ${city.name}`).toBeGreaterThan(0);
  });

  it("lists Taiwan's cities and the districts of Hong Kong and Macao", () => {
    expect(citiesOf('台湾省').map((x) => x.name)).toEqual(expect.arrayContaining(['台北市', '高雄市', '花莲县']));
    expect(districtsOf('香港特别行政区', '香港特别行政区')).toEqual(expect.arrayContaining(['中西区', '油尖旺区', '沙田区']));
    expect(citiesOf('澳门特别行政区').map((x) => x.name)).toEqual(['澳门特别行政区']);
  });
});
