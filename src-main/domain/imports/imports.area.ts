import { defineArea } from '../area';
import { importsContract } from './imports.contract';
import { importsHandlers } from './imports.handlers';
import { importRecordsMatchTheirChanges, productImportRecordsMatchTheirChanges } from './imports.checks';
import { PREPARE_TASK, prepareOnReader } from './imports.prepare';
import { PREPARE_PRODUCTS_TASK, prepareProductsOnReader } from '../catalog/catalog.import';

/** Spreadsheet imports; each import method needs the importing area's own permission. */
export const importsArea = defineArea({
  name: 'imports',
  contract: importsContract,
  handlers: importsHandlers,
  checks: [importRecordsMatchTheirChanges, productImportRecordsMatchTheirChanges],
  startJobs: ['imports.takeBackCutOff'],
  tasks: { [PREPARE_TASK]: prepareOnReader, [PREPARE_PRODUCTS_TASK]: prepareProductsOnReader },
});
