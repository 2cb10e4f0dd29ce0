import type { Handler } from '../../api/dispatch';
import type { exportsContract } from './exports.contract';
import { exportCustomers } from './exports.service';

export const exportsHandlers: { [M in keyof typeof exportsContract]: Handler<M> } = {
  'exports.customers': (input, ctx) => exportCustomers(input, ctx),
};
