import type { Handler } from '../../api/dispatch';
import type { settingsContract } from './settings.contract';
import { getSettings, updateSettings } from './settings.service';

type SettingsMethods = keyof typeof settingsContract;

export const settingsHandlers: { [M in SettingsMethods]: Handler<M> } = {
  'settings.get': (_input, ctx) => getSettings(ctx.db),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
};
