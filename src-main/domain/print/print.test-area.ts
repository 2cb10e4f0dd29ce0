/**
 * A throwaway area for the print registry's tests: it registers one printable behind its own read
 * permission, the way the orders or purchasing area registers theirs, with no edit to the print area.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import { defineArea } from '../area';
import { printable, type PrintableLineInput } from '../core/document';

const NOTES = [
  { id: '0190a0c4-0000-7000-8000-00000000c0de', number: 'TN-2026-000001', customer: '无锡惠山玉兰面馆', giftBoxes: 0 },
  // Every line wraps onto two or three lines, so some line always meets a page break.
  { id: '0190a0c4-0000-7000-8000-00000000c0df', number: 'TN-2026-000002', customer: '苏州和记餐饮管理有限公司', giftBoxes: 45 },
];

const NOODLES: PrintableLineInput[] = [
  { code: 'MF-001', description: '手工阳春面', specification: '500g/包', quantity: 40, unit: '包', unitPrice: 650, taxRate: 900 },
  { code: 'MF-002', description: '红汤浇头', quantity: 12, unit: '桶', unitPrice: 4_500, discount: 2_000, taxRate: 900 },
];

function giftBoxes(count: number): PrintableLineInput[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `GB-${String(i + 1).padStart(3, '0')}`,
    description: `定制中秋礼盒（内含手工阳春面、红汤浇头、香菇酱各一份，附节日贺卡与手提袋，第 ${i + 1} 批）`,
    quantity: 1 + (i % 9),
    unit: '盒',
    unitPrice: 16_800,
    taxRate: 1300,
  }));
}

export const transferNotesArea = defineArea({
  name: 'transfer_notes',
  contract: {},
  handlers: {},
  permissions: { 'transfer_notes.read': ['owner', 'warehouse'] },
  printables: [
    {
      kind: 'transfer_note',
      aliases: ['transfer'],
      template: 'delivery_note',
      permission: 'transfer_notes.read',
      load: (_ctx, ref) => {
        const note = NOTES.find((candidate) => candidate.id === ref || candidate.number === ref);
        if (!note) throw new AppError('NOT_FOUND', `Transfer note ${ref} does not exist`, [fieldIssue('ref', 'not_found', { entity: 'transfer_note', id: ref })]);
        return printable({
          kind: { kind: 'transfer_note' },
          header: { id: note.id, number: note.number, status: 'posted' },
          fields: [{ label: 'print.fields.customer', value: note.customer }],
          currency: 'CNY',
          pricesIncludeTax: true,
          lines: note.giftBoxes > 0 ? giftBoxes(note.giftBoxes) : NOODLES,
        });
      },
    },
  ],
});

export const TRANSFER_NOTE = NOTES[0]!;
export const GIFT_BOX_NOTE = NOTES[1]!;
