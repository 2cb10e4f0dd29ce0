import { defineArea } from '../area';
import { settingsContract } from './settings.contract';
import { settingsHandlers } from './settings.handlers';

export const settingsArea = defineArea({
  name: 'settings',
  contract: settingsContract,
  handlers: settingsHandlers,
  permissions: { 'settings.manage': ['owner'] },
});
