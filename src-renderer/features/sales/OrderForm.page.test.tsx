import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProductForOrder } from '../../../src-main/domain/orders/orders.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import salesZhCN from './messages.zh-CN';
import { OrderFormPage } from './OrderForm.page';

const TEA: ProductForOrder = { productId: '0190a0b0-0000-7000-8000-0000000000d1', code: 'TEA01', name: '西湖龙井', spec: '250g', unit: '盒', unitPrice: 12_800, vatRate: 1300 };
const CUP: ProductForOrder = { productId: '0190a0b0-0000-7000-8000-0000000000d2', code: 'CUP02', name: '白瓷茶杯', spec: null, unit: '个', unitPrice: 2_500, vatRate: 1300 };

describe('order entry by keyboard', () => {
  // A browser's select() also focuses the field; jsdom's does not, so it is taught to here.
  beforeEach(() => {
    const select = HTMLInputElement.prototype.select;
    vi.spyOn(HTMLInputElement.prototype, 'select').mockImplementation(function (this: HTMLInputElement) {
      this.focus();
      select.call(this);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('keeps the cursor on the line being typed when a slow lookup for the line before answers', async () => {
    // The first lookup answers only when the test lets it: by then the typist is on the next line.
    let answerTea: (product: ProductForOrder) => void = () => undefined;
    fakeBackend({
      'orders.lookupProduct': ({ code }) =>
        code.toUpperCase() === 'TEA01' ? new Promise<ProductForOrder>((resolve) => (answerTea = resolve)) : code.toUpperCase() === 'CUP02' ? CUP : null,
    });
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    const codes = () => screen.getAllByLabelText(salesZhCN.form.code);
    await user.click(codes()[0]!);
    await user.keyboard('tea01');
    await user.tab();
    await user.keyboard('3{Enter}');
    await waitFor(() => expect(codes()).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(codes()[1]));
    await user.keyboard('CUP0');

    answerTea(TEA);
    await screen.findByText('西湖龙井 250g');
    expect(document.activeElement).toBe(codes()[1]);
    await user.keyboard('2{Enter}');
    await screen.findByText('白瓷茶杯');
    expect((codes()[1] as HTMLInputElement).value).toBe('CUP02');
    // The quantity typed before the lookup answered stays 3: ¥128.00 × 3.
    expect(screen.getByText('¥384.00')).toBeTruthy();
  });

  it('replaces the default quantity when the lookup answers after Tab but before the quantity is typed', async () => {
    let answerTea: (product: ProductForOrder) => void = () => undefined;
    fakeBackend({ 'orders.lookupProduct': () => new Promise<ProductForOrder>((resolve) => (answerTea = resolve)) });
    const { user } = await render(<OrderFormPage />, { path: '/orders/new' });
    await user.click(screen.getAllByLabelText(salesZhCN.form.code)[0]!);
    await user.keyboard('tea01');
    await user.tab();
    answerTea(TEA);
    await screen.findByText('西湖龙井 250g');
    await user.keyboard('15');
    // 15 boxes, not 115: ¥128.00 × 15.
    await screen.findByText('¥1,920.00');
  });
});
