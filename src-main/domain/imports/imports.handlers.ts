import type { HandlersFor } from '../area';
import type { importsContract } from './imports.contract';
import { importProducts, previewProductImport } from '../catalog/catalog.import';
import { importCustomers, previewCustomerImport } from './imports.service';
import { recoverCutOffImports } from './imports.publish';
import { customerImportHistory, undoCustomerImport } from './imports.undo';
import { productImportHistory, undoProductImport } from '../catalog/catalog.import-undo';

export const importsHandlers: HandlersFor<typeof importsContract> = {
  'imports.previewCustomers': (input, ctx) => previewCustomerImport(input, ctx),
  'imports.customers': (input, ctx) => importCustomers(input, ctx),
  'imports.customerHistory': async (input, ctx) => customerImportHistory(ctx.sqlite, input),
  'imports.takeBackCutOff': (_input, ctx) => recoverCutOffImports(ctx),
  'imports.undoCustomers': (input, ctx) => undoCustomerImport(input, ctx),
  'imports.previewProducts': (input, ctx) => previewProductImport(input, ctx),
  'imports.products': (input, ctx) => importProducts(input, ctx),
  'imports.productHistory': async (input, ctx) => productImportHistory(ctx.sqlite, input),
  'imports.undoProducts': (input, ctx) => undoProductImport(input, ctx),
};
