/**
 * The demo catalog of 南京博雅食品: a food and drink wholesaler that also supplies cafés and shops
 * with equipment, its spare parts and services. A data table: one entry per item, one product per spec.
 */
import type { VatRate } from './catalog.dto';

/** Top-level categories and their children, in menu order. */
export const CATEGORY_TREE: [string, string[]][] = [
  ['饮料', ['饮用水', '碳酸饮料', '茶饮果汁', '咖啡']],
  ['休闲食品', ['饼干糕点', '坚果炒货', '糖果巧克力', '膨化食品']],
  ['粮油调味', ['米面', '食用油', '调味品']],
  ['餐饮耗材', ['杯具吸管', '打包餐盒', '纸品清洁']],
  ['商用设备', ['咖啡机', '制冰机', '冷藏展示柜', '净水设备']],
  ['设备配件', []],
  ['服务', []],
];

/** s: stocked (default), v: service, p: spare part, c: consumable, n: serial-tracked. */
export interface SeedItem {
  category: string;
  name: string;
  unit: string;
  /** The pack a customer usually orders (箱 = factor × unit). */
  pack?: string;
  vat: VatRate;
  flags?: string;
  reorderDays?: number;
  /** [spec, list price in yuan per base unit (含税), pack factor]. */
  specs: [string | null, number, number?][];
}

const W = 1300;
const FARM = 900;

export const SEED_ITEMS: SeedItem[] = [
  { category: '饮用水', name: '农夫山泉饮用天然水', unit: '瓶', pack: '箱', vat: W, specs: [['550ml', 2, 24], ['380ml', 1.6, 24], ['1.5L', 4.5, 12], ['4L', 9.5, 6]] },
  { category: '饮用水', name: '怡宝纯净水', unit: '瓶', pack: '箱', vat: W, specs: [['555ml', 2, 24], ['350ml', 1.5, 24], ['1.555L', 4.5, 12]] },
  { category: '饮用水', name: '百岁山天然矿泉水', unit: '瓶', pack: '箱', vat: W, specs: [['570ml', 3, 24], ['348ml', 2.5, 24]] },
  { category: '饮用水', name: '景田桶装饮用纯净水', unit: '桶', vat: W, specs: [['18.9L', 22]] },
  { category: '碳酸饮料', name: '可口可乐', unit: '罐', pack: '箱', vat: W, specs: [['330ml 罐装', 2.5, 24], ['500ml 瓶装', 3, 24], ['2L 瓶装', 7.5, 6]] },
  { category: '碳酸饮料', name: '百事可乐', unit: '罐', pack: '箱', vat: W, specs: [['330ml 罐装', 2.5, 24], ['600ml 瓶装', 3.2, 24]] },
  { category: '碳酸饮料', name: '雪碧', unit: '罐', pack: '箱', vat: W, specs: [['330ml 罐装', 2.5, 24], ['500ml 瓶装', 3, 24]] },
  { category: '碳酸饮料', name: '芬达橙味汽水', unit: '罐', pack: '箱', vat: W, specs: [['330ml 罐装', 2.5, 24]] },
  { category: '碳酸饮料', name: '元气森林苏打气泡水', unit: '瓶', pack: '箱', vat: W, specs: [['480ml 白桃味', 5, 15], ['480ml 青瓜味', 5, 15], ['480ml 卡曼橘味', 5, 15]] },
  { category: '茶饮果汁', name: '康师傅冰红茶', unit: '瓶', pack: '箱', vat: W, specs: [['500ml', 3, 15], ['1L', 5, 12]] },
  { category: '茶饮果汁', name: '统一绿茶', unit: '瓶', pack: '箱', vat: W, specs: [['500ml', 3, 15]] },
  { category: '茶饮果汁', name: '东方树叶乌龙茶', unit: '瓶', pack: '箱', vat: W, specs: [['500ml', 5, 15], ['900ml', 8, 12]] },
  { category: '茶饮果汁', name: '王老吉凉茶', unit: '罐', pack: '箱', vat: W, specs: [['310ml', 4, 24]] },
  { category: '茶饮果汁', name: '汇源100%橙汁', unit: '盒', pack: '箱', vat: W, specs: [['1L', 12, 12], ['200ml', 3.5, 24]] },
  { category: '茶饮果汁', name: '椰树椰汁', unit: '罐', pack: '箱', vat: W, specs: [['245ml', 4.5, 24]] },
  { category: '咖啡', name: '雀巢咖啡1+2原味', unit: '盒', pack: '箱', vat: W, specs: [['15g×30条', 36, 12], ['15g×7条', 10, 24]] },
  { category: '咖啡', name: '云南小粒咖啡豆', unit: '袋', pack: '箱', vat: W, flags: 'sc', reorderDays: 30, specs: [['中深烘 1kg', 128, 10], ['意式拼配 1kg', 138, 10], ['浅烘 500g', 78, 20]] },
  { category: '咖啡', name: '星巴克派克市场咖啡豆', unit: '袋', pack: '箱', vat: W, flags: 'sc', reorderDays: 30, specs: [['200g', 78, 12]] },
  { category: '饼干糕点', name: '奥利奥夹心饼干', unit: '盒', pack: '箱', vat: W, specs: [['原味 388g', 16.8, 12], ['巧克力味 388g', 16.8, 12], ['97g', 5.5, 24]] },
  { category: '饼干糕点', name: '达能王子饼干', unit: '包', pack: '箱', vat: W, specs: [['牛奶味 100g', 4.5, 30]] },
  { category: '饼干糕点', name: '好丽友派', unit: '盒', pack: '箱', vat: W, specs: [['12枚 408g', 19.9, 8], ['6枚 204g', 10.9, 16]] },
  { category: '饼干糕点', name: '徐福记沙琪玛', unit: '袋', pack: '箱', vat: W, specs: [['鸡蛋味 469g', 15.9, 10], ['芝麻味 469g', 15.9, 10]] },
  { category: '饼干糕点', name: '旺旺雪饼', unit: '袋', pack: '箱', vat: W, specs: [['520g', 16.5, 12], ['84g', 3.9, 40]] },
  { category: '坚果炒货', name: '三只松鼠每日坚果', unit: '盒', pack: '箱', vat: W, specs: [['750g 30袋', 89, 6]] },
  { category: '坚果炒货', name: '洽洽香瓜子', unit: '袋', pack: '箱', vat: W, specs: [['308g', 9.9, 20], ['160g', 5.5, 40]] },
  { category: '坚果炒货', name: '良品铺子夏威夷果', unit: '袋', pack: '箱', vat: W, specs: [['160g', 26.9, 24]] },
  { category: '坚果炒货', name: '百草味碧根果', unit: '袋', pack: '箱', vat: W, specs: [['190g', 29.9, 24]] },
  { category: '糖果巧克力', name: '德芙丝滑牛奶巧克力', unit: '盒', pack: '箱', vat: W, specs: [['252g 碗装', 39.9, 12], ['43g 排块', 7.5, 48]] },
  { category: '糖果巧克力', name: '费列罗榛果威化巧克力', unit: '盒', pack: '箱', vat: W, specs: [['T16 200g', 69, 12], ['T3 37.5g', 15.9, 48]] },
  { category: '糖果巧克力', name: '大白兔奶糖', unit: '袋', pack: '箱', vat: W, specs: [['227g', 16.5, 24]] },
  { category: '糖果巧克力', name: '阿尔卑斯棒棒糖', unit: '桶', pack: '箱', vat: W, specs: [['混合口味 50支', 35, 12]] },
  { category: '膨化食品', name: '乐事薯片', unit: '袋', pack: '箱', vat: W, specs: [['原味 70g', 6.9, 22], ['黄瓜味 70g', 6.9, 22], ['番茄味 70g', 6.9, 22], ['原味 135g', 11.9, 12]] },
  { category: '膨化食品', name: '可比克薯片', unit: '罐', pack: '箱', vat: W, specs: [['番茄味 105g', 7.5, 24]] },
  { category: '膨化食品', name: '上好佳鲜虾片', unit: '袋', pack: '箱', vat: W, specs: [['40g', 3.5, 50]] },
  { category: '米面', name: '金龙鱼东北大米', unit: '袋', vat: FARM, specs: [['5kg', 39.9], ['10kg', 76]] },
  { category: '米面', name: '五得利高筋小麦粉', unit: '袋', vat: FARM, specs: [['5kg', 29.9], ['25kg', 138]] },
  { category: '米面', name: '陈克明挂面', unit: '袋', pack: '箱', vat: FARM, specs: [['900g', 9.9, 10]] },
  { category: '食用油', name: '金龙鱼大豆油', unit: '桶', pack: '箱', vat: FARM, specs: [['5L', 69.9, 4], ['1.8L', 29.9, 6]] },
  { category: '食用油', name: '鲁花花生油', unit: '桶', pack: '箱', vat: FARM, specs: [['5L', 159, 4], ['900ml', 35, 12]] },
  { category: '食用油', name: '福临门菜籽油', unit: '桶', pack: '箱', vat: FARM, specs: [['5L', 79.9, 4]] },
  { category: '调味品', name: '海天金标生抽', unit: '瓶', pack: '箱', vat: W, specs: [['1.28L', 16.9, 6], ['500ml', 8.5, 12]] },
  { category: '调味品', name: '李锦记蚝油', unit: '瓶', pack: '箱', vat: W, specs: [['510g', 14.5, 12]] },
  { category: '调味品', name: '老干妈风味豆豉油制辣椒', unit: '瓶', pack: '箱', vat: W, specs: [['280g', 11.5, 24]] },
  { category: '调味品', name: '太太乐鸡精', unit: '袋', pack: '箱', vat: W, specs: [['200g', 9.9, 40], ['1kg', 39, 10]] },
  { category: '调味品', name: '恒顺香醋', unit: '瓶', pack: '箱', vat: W, specs: [['500ml', 8.9, 12]] },
  { category: '调味品', name: '中盐加碘精制盐', unit: '袋', pack: '箱', vat: FARM, specs: [['400g', 2.5, 50]] },
  { category: '杯具吸管', name: '一次性PP奶茶杯', unit: '只', pack: '箱', vat: W, flags: 'sc', reorderDays: 14, specs: [['500ml 口径90', 0.35, 1000], ['700ml 口径90', 0.42, 1000]] },
  { category: '杯具吸管', name: '双层中空纸杯', unit: '只', pack: '箱', vat: W, flags: 'sc', reorderDays: 21, specs: [['8oz', 0.38, 500], ['12oz', 0.48, 500]] },
  { category: '杯具吸管', name: '杯盖', unit: '只', pack: '箱', vat: W, flags: 'sc', reorderDays: 14, specs: [['口径90 注塑盖', 0.12, 1000], ['口径80 纸杯盖', 0.1, 1000]] },
  { category: '杯具吸管', name: '可降解纸吸管', unit: '支', pack: '箱', vat: W, flags: 'sc', reorderDays: 21, specs: [['6×210mm 独立包装', 0.09, 3000], ['12×210mm 粗吸管', 0.13, 2000]] },
  { category: '打包餐盒', name: '一次性PP打包餐盒', unit: '套', pack: '箱', vat: W, flags: 'sc', reorderDays: 14, specs: [['750ml 长方形', 0.55, 300], ['1000ml 长方形', 0.65, 300], ['500ml 圆形汤碗', 0.5, 300]] },
  { category: '打包餐盒', name: '牛皮纸打包袋', unit: '只', pack: '箱', vat: W, flags: 'sc', reorderDays: 30, specs: [['单杯袋', 0.25, 500], ['双杯袋', 0.35, 500]] },
  { category: '纸品清洁', name: '维达餐巾纸', unit: '包', pack: '箱', vat: W, flags: 'sc', reorderDays: 30, specs: [['单层 200张', 3.5, 48]] },
  { category: '纸品清洁', name: '清风大盘卷纸', unit: '卷', pack: '箱', vat: W, flags: 'sc', reorderDays: 30, specs: [['双层 700g', 9.9, 12]] },
  { category: '纸品清洁', name: '立白洗洁精', unit: '瓶', pack: '箱', vat: W, flags: 'sc', reorderDays: 30, specs: [['1.5kg', 14.9, 8], ['5kg 商用桶装', 39, 4]] },
  { category: '咖啡机', name: '格米莱半自动意式咖啡机', unit: '台', vat: W, flags: 'sn', specs: [['CRM3005G 单头', 4980], ['CRM3145 双头', 12800]] },
  { category: '咖啡机', name: '德龙全自动咖啡机', unit: '台', vat: W, flags: 'sn', specs: [['ECAM22.110', 3999], ['ECAM450.76 商用', 9999]] },
  { category: '咖啡机', name: '意式磨豆机', unit: '台', vat: W, flags: 'sn', specs: [['CRM9090 定量', 2680]] },
  { category: '制冰机', name: '雪人商用制冰机', unit: '台', vat: W, flags: 'sn', specs: [['IM-50 日产50kg', 4200], ['IM-120 日产120kg', 7800]] },
  { category: '冷藏展示柜', name: '星星立式冷藏展示柜', unit: '台', vat: W, flags: 'sn', specs: [['LSC-260 单门', 2399], ['LSC-600 双门', 4599]] },
  { category: '冷藏展示柜', name: '海尔卧式冷柜', unit: '台', vat: W, flags: 'sn', specs: [['BC/BD-519 商用', 2999]] },
  { category: '净水设备', name: '沁园商用净水器', unit: '台', vat: W, flags: 'sn', specs: [['RO-400G 反渗透', 3680]] },
  { category: '设备配件', name: '咖啡机冲泡头密封圈', unit: '个', vat: W, flags: 'sp', specs: [['58mm 通用', 35]] },
  { category: '设备配件', name: '咖啡机蒸汽棒总成', unit: '个', vat: W, flags: 'sp', specs: [['CRM3005 适用', 180]] },
  { category: '设备配件', name: '磨豆机刀盘', unit: '副', vat: W, flags: 'sp', specs: [['64mm 平刀', 260]] },
  { category: '设备配件', name: '制冰机进水电磁阀', unit: '个', vat: W, flags: 'sp', specs: [['IM 系列', 120]] },
  { category: '设备配件', name: '冷柜温控器', unit: '个', vat: W, flags: 'sp', specs: [['机械式 WDF', 85], ['数显式', 168]] },
  { category: '设备配件', name: '冷柜压缩机', unit: '台', vat: W, flags: 'snp', specs: [['1/3HP', 980]] },
  { category: '设备配件', name: '净水器PP棉滤芯', unit: '支', pack: '箱', vat: W, flags: 'spc', reorderDays: 90, specs: [['10英寸 5微米', 15, 50]] },
  { category: '设备配件', name: '净水器活性炭滤芯', unit: '支', pack: '箱', vat: W, flags: 'spc', reorderDays: 180, specs: [['10英寸 CTO', 38, 25]] },
  { category: '设备配件', name: '净水器RO膜滤芯', unit: '支', vat: W, flags: 'spc', reorderDays: 365, specs: [['400G', 298]] },
  { category: '服务', name: '设备安装服务', unit: '次', vat: FARM, flags: 'v', specs: [['含调试与操作培训', 200]] },
  { category: '服务', name: '上门维修', unit: '次', vat: W, flags: 'v', specs: [['市区 含上门费', 150]] },
  { category: '服务', name: '设备保养', unit: '次', vat: 600, flags: 'v', specs: [['咖啡机/制冰机 深度清洁', 280]] },
  { category: '服务', name: '同城配送', unit: '次', vat: FARM, flags: 'v', specs: [[null, 30]] },
];

/** Substitutes by name: what to offer when the first one is short. */
export const SEED_SUBSTITUTES: [string, string[]][] = [
  ['农夫山泉饮用天然水', ['怡宝纯净水', '百岁山天然矿泉水']],
  ['怡宝纯净水', ['农夫山泉饮用天然水']],
  ['可口可乐', ['百事可乐']],
  ['百事可乐', ['可口可乐']],
  ['康师傅冰红茶', ['统一绿茶']],
  ['奥利奥夹心饼干', ['达能王子饼干']],
  ['乐事薯片', ['可比克薯片']],
  ['金龙鱼大豆油', ['福临门菜籽油']],
  ['德芙丝滑牛奶巧克力', ['费列罗榛果威化巧克力']],
  ['格米莱半自动意式咖啡机', ['德龙全自动咖啡机']],
];

/** Words the larger demo scales build more products from (a house brand per category). */
export const HOUSE_BRANDS = ['博雅优选', '金陵味道', '江南小厨', '秦淮人家', '玄武湖', '钟山'];
export const HOUSE_ITEMS: { category: string; noun: string; unit: string; factor: number; yuan: number; vat: VatRate }[] = [
  { category: '饼干糕点', noun: '苏打饼干', unit: '袋', factor: 24, yuan: 6.5, vat: W },
  { category: '饼干糕点', noun: '桃酥', unit: '盒', factor: 12, yuan: 18, vat: W },
  { category: '坚果炒货', noun: '盐焗腰果', unit: '袋', factor: 24, yuan: 22, vat: W },
  { category: '坚果炒货', noun: '五香花生', unit: '袋', factor: 40, yuan: 8.5, vat: W },
  { category: '糖果巧克力', noun: '牛轧糖', unit: '袋', factor: 24, yuan: 19.9, vat: W },
  { category: '茶饮果汁', noun: '酸梅汤', unit: '瓶', factor: 15, yuan: 4, vat: W },
  { category: '调味品', noun: '老抽', unit: '瓶', factor: 12, yuan: 9.5, vat: W },
  { category: '调味品', noun: '辣椒酱', unit: '瓶', factor: 24, yuan: 12, vat: W },
  { category: '米面', noun: '糯米', unit: '袋', factor: 10, yuan: 18, vat: FARM },
  { category: '打包餐盒', noun: '纸质餐盒', unit: '只', factor: 300, yuan: 0.6, vat: W },
];
export const HOUSE_SPECS = ['小包装', '家庭装', '餐饮装', '散装称重', '礼盒装', '经典款', '低糖款', '加量装'];
export const HOUSE_FLAVOURS = ['', '香辣', '五香', '蜂蜜', '海苔'];
