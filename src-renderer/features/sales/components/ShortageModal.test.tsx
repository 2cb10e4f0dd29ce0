import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StockCheck, StockCheckLine } from '../../../../src-main/domain/orders/orders.dto';
import { render } from '../../../test-utils/render';
import { ShortageModal } from './ShortageModal';

function shortLine(over: Partial<StockCheckLine>): StockCheckLine {
  return { lineId: 'l1', lineNo: 1, productId: 'p1', productCode: 'SP0001', productName: '农夫山泉', quantity: 20, available: 5, shortBy: 15, substitutes: [], suggestedDate: null, ...over };
}

describe('ShortageModal (库存不足)', () => {
  it('says why a line cannot be made up with a substitute, and sends each line’s choice with the suggested date filled in', async () => {
    const check: StockCheck = {
      warehouseId: 'w1',
      short: true,
      lines: [
        shortLine({ lineId: 'oil', lineNo: 2, productCode: 'SP0002', productName: '金龙鱼花生油', suggestedDate: '2026-12-08' }),
        shortLine({ lineId: 'rice', lineNo: 3, productCode: 'SP0003', productName: '五常大米', substitutes: [{ productId: 'p9', productCode: 'SP0009', productName: '东北大米', available: 40 }] }),
        shortLine({ lineId: 'water', lineNo: 1, shortBy: 0 }),
      ],
    };
    const onSubmit = vi.fn();
    const { user } = await render(<ShortageModal check={check} loading={false} onClose={() => undefined} onSubmit={onSubmit} />);

    // Only the short lines are asked about.
    expect(screen.queryByText(/第 1 行/)).toBeNull();
    const [oilSubstitute, riceSubstitute] = screen.getAllByRole<HTMLInputElement>('radio', { name: /用替代商品补足/ });
    expect([oilSubstitute!.disabled, riceSubstitute!.disabled]).toEqual([true, false]);
    expect(screen.getAllByText('这个商品还没有设置替代商品，可在“商品与价格”里添加')).toHaveLength(1);

    await user.click(screen.getAllByRole('radio', { name: '改约交期' })[0]!);
    expect(screen.getByText(/2026-12-08/).textContent).toContain('2026-12-08');
    await user.click(riceSubstitute!);
    await user.click(screen.getByRole('textbox', { name: '用替代商品补足' }));
    await user.click(await screen.findByRole('option', { name: 'SP0009 东北大米（40）' }));
    await user.click(screen.getByRole('button', { name: '提交订单' }));

    expect(onSubmit).toHaveBeenCalledWith([
      { lineId: 'oil', choice: 'later_date', promisedDate: '2026-12-08' },
      { lineId: 'rice', choice: 'substitute', substituteProductId: 'p9' },
    ]);
  });
});
