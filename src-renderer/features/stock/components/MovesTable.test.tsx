import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MoveRow } from '../../../../src-main/domain/stock/stock.dto';
import { fakeBackend } from '../../../test-utils/fake-backend';
import { render } from '../../../test-utils/render';
import stockZhCN from '../messages.zh-CN';
import { MovesTable } from './MovesTable';

const uuid = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;

const move = (n: number): MoveRow => ({
  id: uuid(n),
  moveDate: '2026-11-20',
  productId: uuid(100),
  productCode: 'P000001',
  productName: '农夫山泉饮用天然水 550ml',
  unit: '瓶',
  warehouseId: uuid(200),
  warehouseCode: 'W01',
  warehouseName: '总仓',
  kind: 'delivery',
  quantity: -12,
  unitCost: 120,
  value: -1_440,
  documentType: 'delivery',
  documentId: uuid(300),
  documentNo: 'FH-2026-000001',
  note: null,
  userName: '李强',
  createdAt: '2026-11-20T02:00:00.000Z',
  balance: null,
});

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:moves');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('the stock ledger (出入库流水)', () => {
  it('narrows the whole ledger by warehouse, kind and dates, and exports what it shows', async () => {
    const backend = fakeBackend({
      'stock.moves': () => ({ rows: [move(1)], total: 1, totalIsExact: true, next: null }),
      'stock.listWarehouses': () => [{ id: uuid(200), code: 'W01', name: '总仓' }] as never,
      'exports.stockMoves': () => ({ fileName: '出入库流水-2026-12-01.xlsx', content: new TextEncoder().encode('PK'), rows: 1 }),
    });
    const { user } = await render(<MovesTable />);
    await screen.findByText('FH-2026-000001');
    await user.click(screen.getByTestId('moves-warehouse'));
    await user.click(await screen.findByRole('option', { name: 'W01 总仓' }));
    await user.click(screen.getByTestId('moves-kind'));
    await user.click(await screen.findByRole('option', { name: stockZhCN.moveKind.delivery }));
    await user.type(screen.getByLabelText(stockZhCN.moves.from), '2026-11-15');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(backend.inputsOf('stock.moves').at(-1)).toMatchObject({ warehouseId: uuid(200), kind: 'delivery', from: '2026-11-15' }));

    await user.click(screen.getByTestId('table-export'));
    await waitFor(() => expect(backend.inputsOf('exports.stockMoves')).toHaveLength(1));
    expect(backend.inputsOf('exports.stockMoves')[0]).toMatchObject({ warehouseId: uuid(200), kind: 'delivery', from: '2026-11-15', format: 'xlsx' });
  });

  it('has no filters of its own inside one product in one warehouse', async () => {
    fakeBackend({ 'stock.moves': () => ({ rows: [move(1)], total: 1, totalIsExact: true, next: null }) });
    await render(<MovesTable productId={uuid(100)} warehouseId={uuid(200)} />);
    await screen.findByText('FH-2026-000001');
    expect(screen.queryByTestId('moves-filters')).toBeNull();
  });
});
