import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DeliveryInvoicing } from '../../../src-main/domain/receivables/receivables.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { DeliveryInvoiceAction } from './DeliveryInvoiceAction';

const DELIVERY = { id: '0190a0b0-0000-7000-8000-0000000000d1', customerId: '0190a0b0-0000-7000-8000-0000000000c1', customerName: '南京金桥贸易有限公司' };
const INVOICE = { id: '0190a0b0-0000-7000-8000-0000000000a1', invoiceNo: 'INV-2026-000042', invoiceDate: '2026-11-20' };

async function shown(invoicing: Omit<DeliveryInvoicing, 'deliveryId'>) {
  fakeBackend({ 'receivables.deliveryInvoicing': () => ({ deliveryId: DELIVERY.id, ...invoicing }) });
  await render(<DeliveryInvoiceAction delivery={DELIVERY} />, { permissions: ['receivables.read', 'receivables.write'] });
}

describe('开票 on a delivery’s page', () => {
  it('is not offered once everything delivered is invoiced: the invoice is a link instead', async () => {
    await shown({ toInvoice: 0, invoices: [INVOICE] });
    const link = await screen.findByTestId('delivery-invoice-link');
    expect(link.textContent).toBe('已开票 INV-2026-000042');
    expect(link.getAttribute('href')).toBe(`/invoices?invoice=${INVOICE.id}`);
    expect(screen.queryByTestId('delivery-invoice')).toBeNull();
  });

  it('is offered while something is left, beside the invoice that took the rest', async () => {
    await shown({ toInvoice: 33_900, invoices: [INVOICE] });
    expect((await screen.findByTestId('delivery-invoice')).textContent).toBe('开票');
    expect(screen.getByTestId('delivery-invoice-link')).toBeTruthy();
  });

  it('is offered alone for a delivery not invoiced at all', async () => {
    await shown({ toInvoice: 33_900, invoices: [] });
    expect(await screen.findByTestId('delivery-invoice')).toBeTruthy();
    expect(screen.queryByTestId('delivery-invoice-link')).toBeNull();
  });
});
