/**
 * `stress orders`: orders one transaction each through the API the screens use, so a crash test can kill
 * it at any moment and compare what it printed with what the database kept.
 */
import type { Session } from '../api/session';
import type { OutputOf } from '../api/contract';
import { createBackend } from '../backend/backend';
import { counted } from '../domain/core/english';
import { localAdmin } from '../domain/users/local-admin';
import { requireFlag, UsageError, type ParsedArgs } from './args';


interface StockedChoice {
  id: string;
  available: number;
}

/**
 * `stress orders --count N`: N orders on existing customers and products, each created and
 * submitted in one transaction (orders.place), its number printed on its own line right after
 * its commit. Products are picked among those with stock free in the default warehouse.
 */
export async function stressCommand(dbFile: string, rest: string[], args: ParsedArgs, stdout: { write(text: string): unknown }, stderr: { write(text: string): unknown }): Promise<number> {
  if (rest[0] !== 'orders') throw new UsageError('stress needs: stress orders --count N --db FILE');
  const count = Number(requireFlag(args, 'count'));
  if (!Number.isInteger(count) || count < 1) throw new UsageError('--count must be a positive whole number');
  const backend = createBackend({ file: dbFile });
  try {
    const { sqlite } = backend.conn;
    const session: Session = { user: localAdmin(backend.conn) };
    const customers = sqlite.prepare("SELECT id FROM customers WHERE status = 'active' AND merged_into_id IS NULL ORDER BY code").pluck().all() as string[];
    const freeStock = sqlite.prepare(
      `SELECT p.id, coalesce(l.on_hand - l.reserved, 0) AS available FROM products p
         LEFT JOIN stock_levels l ON l.product_id = p.id AND l.warehouse_id = (SELECT id FROM warehouses WHERE status = 'active' ORDER BY is_default DESC, code LIMIT 1)
        WHERE p.status = 'active' AND (p.is_stocked = 0 OR coalesce(l.on_hand - l.reserved, 0) > 0) LIMIT 200`,
    );
    if (customers.length === 0) throw new Error(`${dbFile} has no active customers; seed it first (seed --scale small)`);
    let placed = 0;
    for (let i = 0; i < count; i++) {
      const products = freeStock.all() as StockedChoice[];
      if (products.length === 0) {
        stderr.write(`Stopped after ${counted(placed, 'order')}: no product has stock left.\n`);
        return 1;
      }
      const product = products[i % products.length]!;
      const result = await backend.call({ session, transport: 'cli' }, 'orders.place', { customerId: customers[i % customers.length]!, lines: [{ productId: product.id, quantity: 1 }] });
      if (!result.ok) {
        stderr.write(`Order ${i + 1} refused: ${result.error.code} ${result.error.message}\n`);
        // A disk that refused one write refuses the next: stop rather than fail N times.
        if (result.error.code === 'STORAGE') return 1;
        continue;
      }
      // process.stdout writes to files and pipes synchronously on POSIX: the line is out before the next order starts.
      stdout.write(`${(result.data as OutputOf<'orders.place'>).orderNo}\n`);
      placed += 1;
    }
    return placed === count ? 0 : 1;
  } finally {
    backend.close();
  }
}
