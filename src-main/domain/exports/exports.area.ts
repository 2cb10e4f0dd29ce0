import { defineArea } from '../area';
import { exportsContract } from './exports.contract';
import { exportsHandlers } from './exports.handlers';

/** Files made on the server from a list query; each export needs the exported area's permission. */
export const exportsArea = defineArea({
  name: 'exports',
  contract: exportsContract,
  handlers: exportsHandlers,
});
