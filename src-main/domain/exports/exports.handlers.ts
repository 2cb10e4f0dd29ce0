import type { HandlersFor } from '../area';
import type { exportsContract } from './exports.contract';
import { exportCustomers } from './exports.service';

export const exportsHandlers: HandlersFor<typeof exportsContract> = {
  'exports.customers': (input, ctx) => exportCustomers(input, ctx),
};
