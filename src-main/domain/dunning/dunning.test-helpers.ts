/** Builders for dunning tests: a company with sales set up, invoices dated relative to today. */
import { addDays, businessDateIn } from '../core/dates';
import { salesBooks, type SalesBooks } from '../orders/sales.test-helpers';

export interface DunningBooks extends SalesBooks {
  today: string;
  daysAgo(days: number): string;
  /** A service invoice of `gross` fen dated `date`, due after the customer's payment terms. */
  invoice(customerId: string, gross: number, date: string): Promise<{ id: string; invoiceNo: string; dueDate: string }>;
  pay(customerId: string, amount: number): Promise<void>;
  run(asOf?: string): Promise<{ reminders: number; held: number; released: number }>;
}

export async function dunningBooks(): Promise<DunningBooks> {
  const books = await salesBooks();
  const today = businessDateIn('Asia/Shanghai');
  return {
    ...books,
    today,
    daysAgo: (days) => addDays(today, -days),
    async invoice(customerId, gross, date) {
      return books.api.ok('receivables.invoiceServices', { customerId, invoiceDate: date, lines: [{ description: '安装服务', quantity: 1, unitPrice: gross, vatRate: 1300 }] });
    },
    async pay(customerId, amount) {
      await books.api.ok('receivables.createReceipt', { customerId, receiptDate: today, method: 'bank_transfer', amount, autoAllocate: true });
    },
    run: (asOf) => books.api.ok('dunning.run', asOf ? { asOf } : {}),
  };
}
