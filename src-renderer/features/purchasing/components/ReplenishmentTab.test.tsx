import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReplenishmentRow } from '../../../../src-main/domain/purchasing/purchasing.dto';
import { fakeBackend } from '../../../test-utils/fake-backend';
import { render } from '../../../test-utils/render';
import { ReplenishmentTab } from './ReplenishmentTab';

const uuid = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;

const request = (n: number, over: Partial<ReplenishmentRow>): ReplenishmentRow => ({
  id: uuid(n),
  productId: uuid(100 + n),
  productCode: `P00${n}`,
  productName: `商品${n}`,
  unit: '箱',
  warehouseId: uuid(200),
  warehouseName: '总仓',
  supplierId: uuid(300),
  supplierName: '华星电子',
  availableAtRaise: 380,
  available: 380,
  safetyStock: 400,
  reorderPoint: 800,
  suggestedQuantity: 420,
  incoming: 0,
  unitCost: 1_250,
  sourceType: 'sales_order',
  raisedAt: '2026-11-20T02:00:00.000Z',
  ...over,
});

describe('the replenishment suggestions (补货建议)', () => {
  it('shows what a suggestion tops up to, and which ones stock has since recovered from', async () => {
    fakeBackend({
      'purchasing.listSuppliers': () => ({ rows: [], total: 0, totalIsExact: true }),
      'purchasing.replenishment': () => ({ rows: [request(1, {}), request(2, { available: 724 })], total: 2, totalIsExact: true }),
    });
    await render(<ReplenishmentTab />, { permissions: ['purchasing.write'] });
    const [short, recovered] = await screen.findAllByTestId('replenishment-available');
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toContain('再订货点');
    const shortRow = short!.closest('tr')!;
    expect(within(shortRow).getByText('800')).toBeTruthy();
    expect(within(shortRow).queryByText('已回到安全库存以上')).toBeNull();
    expect(short!.style.color).not.toBe('');
    const recoveredRow = recovered!.closest('tr')!;
    expect(within(recoveredRow).getByText('已回到安全库存以上')).toBeTruthy();
    expect(recovered!.style.color).toBe('');
  });
});
