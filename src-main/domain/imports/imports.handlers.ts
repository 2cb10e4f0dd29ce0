import type { Handler } from '../../api/dispatch';
import type { importsContract } from './imports.contract';
import { importCustomers, previewCustomerImport } from './imports.service';

export const importsHandlers: { [M in keyof typeof importsContract]: Handler<M> } = {
  'imports.previewCustomers': (input, ctx) => previewCustomerImport(input, ctx),
  'imports.customers': (input, ctx) => importCustomers(input, ctx),
};
