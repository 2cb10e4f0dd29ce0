/**
 * Sample documents for every line-document template, printed with the company's own letterhead:
 * the settings screen previews them, and they show how a long document breaks across pages
 * before any real order exists. The reference is the number of lines (`sample_delivery_note/60`).
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { PrintableSource } from '../area';
import { printable, type PrintableLineInput } from '../core/document';
import { LINE_DOCUMENT_TEMPLATES, type LineDocumentTemplate } from './print.contract';

export const MAX_SAMPLE_LINES = 200;

const PRODUCTS: readonly Omit<PrintableLineInput, 'quantity'>[] = [
  { code: 'SP-10021', description: '东北珍珠米', specification: '5kg/袋', unit: '袋', unitPrice: 4_980, taxRate: 900 },
  { code: 'SP-10107', description: '压榨一级花生油', specification: '5L/桶', unit: '桶', unitPrice: 12_800, taxRate: 900 },
  { code: 'SP-20033', description: '特级酿造生抽', specification: '1.9L×6瓶/箱', unit: '箱', unitPrice: 11_400, discount: 1_140, taxRate: 1300 },
  { code: 'SP-20118', description: '陈年香醋', specification: '500ml×12瓶/箱', unit: '箱', unitPrice: 9_600, taxRate: 1300 },
  { code: 'SP-30002', description: '有机冷榨山茶油（礼盒装，含两瓶 500ml 与手提袋）', specification: '500ml×2', unit: '盒', unitPrice: 26_800, taxRate: 900 },
  { code: 'SP-30415', description: '干香菇', specification: '250g/袋', unit: '袋', unitPrice: 3_250, taxRate: 900 },
  { code: 'SP-40007', description: '食用盐（未加碘）', specification: '400g×40袋/箱', unit: '箱', unitPrice: 5_600, taxRate: 900 },
  { code: 'SP-50230', description: '一次性打包盒', specification: '750ml 300只/箱', unit: '箱', unitPrice: 16_500, discount: 500, taxRate: 1300 },
];

const PARTIES: Record<LineDocumentTemplate, { kind: string; number: string; fields: [string, string][] }> = {
  quotation: {
    kind: 'quote',
    number: 'QT-2026-000128',
    fields: [
      ['print.fields.customer', '苏州和记餐饮管理有限公司'],
      ['print.fields.quoteDate', '2026-03-02'],
      ['print.fields.contact', '王建国 138 1234 5678'],
      ['print.fields.validUntil', '2026-03-16'],
      ['print.fields.salesperson', '李娜'],
      ['print.fields.notes', '以上价格含税，含市区送货；付款方式：月结 30 天。'],
    ],
  },
  order_confirmation: {
    kind: 'sales_order',
    number: 'SO-2026-000315',
    fields: [
      ['print.fields.customer', '苏州和记餐饮管理有限公司'],
      ['print.fields.orderDate', '2026-03-05'],
      ['print.fields.contact', '王建国 138 1234 5678'],
      ['print.fields.promisedDate', '2026-03-08'],
      ['print.fields.shippingAddress', '江苏省苏州市姑苏区人民路 1288 号和记大厦 B1 后厨'],
      ['print.fields.salesperson', '李娜'],
    ],
  },
  pick_list: {
    kind: 'sales_order',
    number: 'SO-2026-000315',
    fields: [
      ['print.fields.customer', '苏州和记餐饮管理有限公司'],
      ['print.fields.warehouse', '苏州一号仓'],
      ['print.fields.shippingAddress', '江苏省苏州市姑苏区人民路 1288 号和记大厦 B1 后厨'],
      ['print.fields.promisedDate', '2026-03-08'],
    ],
  },
  delivery_note: {
    kind: 'delivery',
    number: 'DN-2026-000402',
    fields: [
      ['print.fields.customer', '苏州和记餐饮管理有限公司'],
      ['print.fields.deliveryDate', '2026-03-08'],
      ['print.fields.contact', '王建国 138 1234 5678'],
      ['print.fields.orderNumber', 'SO-2026-000315'],
      ['print.fields.shippingAddress', '江苏省苏州市姑苏区人民路 1288 号和记大厦 B1 后厨'],
      ['print.fields.warehouse', '苏州一号仓'],
    ],
  },
  purchase_order: {
    kind: 'purchase_order',
    number: 'PO-2026-000057',
    fields: [
      ['print.fields.supplier', '山东瑞丰粮油有限公司'],
      ['print.fields.orderDate', '2026-03-01'],
      ['print.fields.contact', '赵磊 0531-8866 1234'],
      ['print.fields.expectedDate', '2026-03-10'],
      ['print.fields.warehouse', '苏州一号仓'],
      ['print.fields.buyer', '陈晓'],
    ],
  },
};

function sampleLineCount(ref: string): number {
  const count = Number(ref);
  if (!/^\d{1,3}$/.test(ref) || count < 1 || count > MAX_SAMPLE_LINES) {
    throw new AppError('VALIDATION', `A sample has 1–${MAX_SAMPLE_LINES} lines, not ${ref}`, [fieldIssue('ref', 'out_of_range', { min: 1, max: MAX_SAMPLE_LINES })]);
  }
  return count;
}

export function sampleDocument(template: LineDocumentTemplate, lineCount: number) {
  const party = PARTIES[template];
  return printable({
    kind: { kind: party.kind },
    header: { id: `sample-${template}`, number: party.number, status: 'confirmed' },
    fields: party.fields.map(([label, value]) => ({ label, value })),
    currency: 'CNY',
    pricesIncludeTax: true,
    lines: Array.from({ length: lineCount }, (_, i) => ({ ...PRODUCTS[i % PRODUCTS.length]!, quantity: 1 + ((i * 7) % 24) })),
  });
}

export const SAMPLE_PRINTABLES: PrintableSource[] = LINE_DOCUMENT_TEMPLATES.map((template) => ({
  kind: `sample_${template}`,
  template,
  permission: 'signedIn',
  load: (_ctx, ref) => sampleDocument(template, sampleLineCount(ref)),
}));
