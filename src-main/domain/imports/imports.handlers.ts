import type { HandlersFor } from '../area';
import type { importsContract } from './imports.contract';
import { importCustomers, previewCustomerImport } from './imports.service';

export const importsHandlers: HandlersFor<typeof importsContract> = {
  'imports.previewCustomers': (input, ctx) => previewCustomerImport(input, ctx),
  'imports.customers': (input, ctx) => importCustomers(input, ctx),
};
