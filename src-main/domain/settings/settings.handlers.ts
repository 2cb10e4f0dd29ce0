import type { HandlersFor } from '../area';
import type { settingsContract } from './settings.contract';
import { getSettings, updateSettings } from './settings.service';


export const settingsHandlers: HandlersFor<typeof settingsContract> = {
  'settings.get': (_input, ctx) => getSettings(ctx.db),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
};
