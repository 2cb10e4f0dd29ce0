/**
 * China's provincial-level divisions and their prefecture-level divisions (地级市、地区、自治州、盟),
 * by their official names as of 2024, for the address picker. The names are the stored values.
 *
 * - The four municipalities list themselves as their only "city" (北京市 → 北京市).
 * - Hong Kong and Macao likewise list themselves.
 * - County-level cities and counties administered directly by a province (e.g. 济源市, 仙桃市,
 *   石河子市) are listed after the prefectures and flagged `direct`, since addresses name them
 *   where a prefecture would be.
 * - 台湾省 has no city list here: the picker takes the city as free text.
 * - Districts (区县) ship only for a few cities (the municipalities, Hong Kong and some big
 *   cities); everywhere else the district field offers nothing and takes free text.
 */

export interface CnCity {
  name: string;
  /** A county-level unit administered directly by the province (省直辖县级行政单位). */
  direct?: true;
  /** 区县, where shipped; otherwise undefined (free text). */
  districts?: readonly string[];
}

export interface CnProvince {
  name: string;
  cities: readonly CnCity[];
}

const c = (...names: string[]): CnCity[] => names.map((name) => ({ name }));
const direct = (...names: string[]): CnCity[] => names.map((name) => ({ name, direct: true as const }));

const BEIJING_DISTRICTS = ['东城区', '西城区', '朝阳区', '丰台区', '石景山区', '海淀区', '门头沟区', '房山区', '通州区', '顺义区', '昌平区', '大兴区', '怀柔区', '平谷区', '密云区', '延庆区'];
const TIANJIN_DISTRICTS = ['和平区', '河东区', '河西区', '南开区', '河北区', '红桥区', '东丽区', '西青区', '津南区', '北辰区', '武清区', '宝坻区', '滨海新区', '宁河区', '静海区', '蓟州区'];
const SHANGHAI_DISTRICTS = ['黄浦区', '徐汇区', '长宁区', '静安区', '普陀区', '虹口区', '杨浦区', '闵行区', '宝山区', '嘉定区', '浦东新区', '金山区', '松江区', '青浦区', '奉贤区', '崇明区'];
const CHONGQING_DISTRICTS = [
  '万州区', '涪陵区', '渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '綦江区', '大足区', '渝北区', '巴南区',
  '黔江区', '长寿区', '江津区', '合川区', '永川区', '南川区', '璧山区', '铜梁区', '潼南区', '荣昌区', '开州区', '梁平区', '武隆区',
  '城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县',
  '石柱土家族自治县', '秀山土家族苗族自治县', '酉阳土家族苗族自治县', '彭水苗族土家族自治县',
];
const HONG_KONG_DISTRICTS = ['中西区', '湾仔区', '东区', '南区', '油尖旺区', '深水埗区', '九龙城区', '黄大仙区', '观塘区', '荃湾区', '屯门区', '元朗区', '北区', '大埔区', '西贡区', '沙田区', '葵青区', '离岛区'];

/** A few big cities' districts (the rest take free text). */
const CITY_DISTRICTS: Record<string, readonly string[]> = {
  南京市: ['玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区', '高淳区'],
  苏州市: ['姑苏区', '虎丘区', '吴中区', '相城区', '吴江区', '常熟市', '张家港市', '昆山市', '太仓市'],
  杭州市: ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区', '桐庐县', '淳安县', '建德市'],
  广州市: ['荔湾区', '越秀区', '海珠区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区'],
  深圳市: ['罗湖区', '福田区', '南山区', '宝安区', '龙岗区', '盐田区', '龙华区', '坪山区', '光明区'],
};

function withDistricts(cities: CnCity[]): CnCity[] {
  return cities.map((city) => (CITY_DISTRICTS[city.name] ? { ...city, districts: CITY_DISTRICTS[city.name] } : city));
}

/** All 34 provincial-level divisions, in the order of the national division codes (GB/T 2260). */
export const CN_PROVINCES: readonly CnProvince[] = [
  { name: '北京市', cities: [{ name: '北京市', districts: BEIJING_DISTRICTS }] },
  { name: '天津市', cities: [{ name: '天津市', districts: TIANJIN_DISTRICTS }] },
  { name: '河北省', cities: c('石家庄市', '唐山市', '秦皇岛市', '邯郸市', '邢台市', '保定市', '张家口市', '承德市', '沧州市', '廊坊市', '衡水市') },
  { name: '山西省', cities: c('太原市', '大同市', '阳泉市', '长治市', '晋城市', '朔州市', '晋中市', '运城市', '忻州市', '临汾市', '吕梁市') },
  {
    name: '内蒙古自治区',
    cities: c('呼和浩特市', '包头市', '乌海市', '赤峰市', '通辽市', '鄂尔多斯市', '呼伦贝尔市', '巴彦淖尔市', '乌兰察布市', '兴安盟', '锡林郭勒盟', '阿拉善盟'),
  },
  { name: '辽宁省', cities: c('沈阳市', '大连市', '鞍山市', '抚顺市', '本溪市', '丹东市', '锦州市', '营口市', '阜新市', '辽阳市', '盘锦市', '铁岭市', '朝阳市', '葫芦岛市') },
  { name: '吉林省', cities: c('长春市', '吉林市', '四平市', '辽源市', '通化市', '白山市', '松原市', '白城市', '延边朝鲜族自治州') },
  {
    name: '黑龙江省',
    cities: c('哈尔滨市', '齐齐哈尔市', '鸡西市', '鹤岗市', '双鸭山市', '大庆市', '伊春市', '佳木斯市', '七台河市', '牡丹江市', '黑河市', '绥化市', '大兴安岭地区'),
  },
  { name: '上海市', cities: [{ name: '上海市', districts: SHANGHAI_DISTRICTS }] },
  { name: '江苏省', cities: withDistricts(c('南京市', '无锡市', '徐州市', '常州市', '苏州市', '南通市', '连云港市', '淮安市', '盐城市', '扬州市', '镇江市', '泰州市', '宿迁市')) },
  { name: '浙江省', cities: withDistricts(c('杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市')) },
  {
    name: '安徽省',
    cities: c('合肥市', '芜湖市', '蚌埠市', '淮南市', '马鞍山市', '淮北市', '铜陵市', '安庆市', '黄山市', '滁州市', '阜阳市', '宿州市', '六安市', '亳州市', '池州市', '宣城市'),
  },
  { name: '福建省', cities: c('福州市', '厦门市', '莆田市', '三明市', '泉州市', '漳州市', '南平市', '龙岩市', '宁德市') },
  { name: '江西省', cities: c('南昌市', '景德镇市', '萍乡市', '九江市', '新余市', '鹰潭市', '赣州市', '吉安市', '宜春市', '抚州市', '上饶市') },
  {
    name: '山东省',
    cities: c('济南市', '青岛市', '淄博市', '枣庄市', '东营市', '烟台市', '潍坊市', '济宁市', '泰安市', '威海市', '日照市', '临沂市', '德州市', '聊城市', '滨州市', '菏泽市'),
  },
  {
    name: '河南省',
    cities: [
      ...c('郑州市', '开封市', '洛阳市', '平顶山市', '安阳市', '鹤壁市', '新乡市', '焦作市', '濮阳市', '许昌市', '漯河市', '三门峡市', '南阳市', '商丘市', '信阳市', '周口市', '驻马店市'),
      ...direct('济源市'),
    ],
  },
  {
    name: '湖北省',
    cities: [
      ...c('武汉市', '黄石市', '十堰市', '宜昌市', '襄阳市', '鄂州市', '荆门市', '孝感市', '荆州市', '黄冈市', '咸宁市', '随州市', '恩施土家族苗族自治州'),
      ...direct('仙桃市', '潜江市', '天门市', '神农架林区'),
    ],
  },
  {
    name: '湖南省',
    cities: c('长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西土家族苗族自治州'),
  },
  {
    name: '广东省',
    cities: withDistricts(
      c('广州市', '韶关市', '深圳市', '珠海市', '汕头市', '佛山市', '江门市', '湛江市', '茂名市', '肇庆市', '惠州市', '梅州市', '汕尾市', '河源市', '阳江市', '清远市', '东莞市', '中山市', '潮州市', '揭阳市', '云浮市'),
    ),
  },
  {
    name: '广西壮族自治区',
    cities: c('南宁市', '柳州市', '桂林市', '梧州市', '北海市', '防城港市', '钦州市', '贵港市', '玉林市', '百色市', '贺州市', '河池市', '来宾市', '崇左市'),
  },
  {
    name: '海南省',
    cities: [
      ...c('海口市', '三亚市', '三沙市', '儋州市'),
      ...direct(
        '五指山市', '琼海市', '文昌市', '万宁市', '东方市', '定安县', '屯昌县', '澄迈县', '临高县',
        '白沙黎族自治县', '昌江黎族自治县', '乐东黎族自治县', '陵水黎族自治县', '保亭黎族苗族自治县', '琼中黎族苗族自治县',
      ),
    ],
  },
  { name: '重庆市', cities: [{ name: '重庆市', districts: CHONGQING_DISTRICTS }] },
  {
    name: '四川省',
    cities: c(
      '成都市', '自贡市', '攀枝花市', '泸州市', '德阳市', '绵阳市', '广元市', '遂宁市', '内江市', '乐山市', '南充市', '眉山市', '宜宾市', '广安市', '达州市', '雅安市', '巴中市', '资阳市',
      '阿坝藏族羌族自治州', '甘孜藏族自治州', '凉山彝族自治州',
    ),
  },
  { name: '贵州省', cities: c('贵阳市', '六盘水市', '遵义市', '安顺市', '毕节市', '铜仁市', '黔西南布依族苗族自治州', '黔东南苗族侗族自治州', '黔南布依族苗族自治州') },
  {
    name: '云南省',
    cities: c(
      '昆明市', '曲靖市', '玉溪市', '保山市', '昭通市', '丽江市', '普洱市', '临沧市', '楚雄彝族自治州', '红河哈尼族彝族自治州', '文山壮族苗族自治州', '西双版纳傣族自治州',
      '大理白族自治州', '德宏傣族景颇族自治州', '怒江傈僳族自治州', '迪庆藏族自治州',
    ),
  },
  { name: '西藏自治区', cities: c('拉萨市', '日喀则市', '昌都市', '林芝市', '山南市', '那曲市', '阿里地区') },
  { name: '陕西省', cities: c('西安市', '铜川市', '宝鸡市', '咸阳市', '渭南市', '延安市', '汉中市', '榆林市', '安康市', '商洛市') },
  {
    name: '甘肃省',
    cities: c('兰州市', '嘉峪关市', '金昌市', '白银市', '天水市', '武威市', '张掖市', '平凉市', '酒泉市', '庆阳市', '定西市', '陇南市', '临夏回族自治州', '甘南藏族自治州'),
  },
  { name: '青海省', cities: c('西宁市', '海东市', '海北藏族自治州', '黄南藏族自治州', '海南藏族自治州', '果洛藏族自治州', '玉树藏族自治州', '海西蒙古族藏族自治州') },
  { name: '宁夏回族自治区', cities: c('银川市', '石嘴山市', '吴忠市', '固原市', '中卫市') },
  {
    name: '新疆维吾尔自治区',
    cities: [
      ...c(
        '乌鲁木齐市', '克拉玛依市', '吐鲁番市', '哈密市', '昌吉回族自治州', '博尔塔拉蒙古自治州', '巴音郭楞蒙古自治州', '阿克苏地区', '克孜勒苏柯尔克孜自治州', '喀什地区', '和田地区',
        '伊犁哈萨克自治州', '塔城地区', '阿勒泰地区',
      ),
      ...direct('石河子市', '阿拉尔市', '图木舒克市', '五家渠市', '北屯市', '铁门关市', '双河市', '可克达拉市', '昆玉市', '胡杨河市', '新星市', '白杨市'),
    ],
  },
  { name: '台湾省', cities: [] },
  { name: '香港特别行政区', cities: [{ name: '香港特别行政区', districts: HONG_KONG_DISTRICTS }] },
  { name: '澳门特别行政区', cities: [{ name: '澳门特别行政区' }] },
];

export const CN_PROVINCE_NAMES: readonly string[] = CN_PROVINCES.map((p) => p.name);

export function citiesOf(province: string): readonly CnCity[] {
  return CN_PROVINCES.find((p) => p.name === province)?.cities ?? [];
}

export function districtsOf(province: string, city: string): readonly string[] {
  return citiesOf(province).find((x) => x.name === city)?.districts ?? [];
}
