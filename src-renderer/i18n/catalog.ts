import type { Messages } from './zh-CN';

/**
 * A catalog with the keys of the Simplified Chinese one. A counted message ({{count}} items, or
 * {{days}} days called with `count: days` too) may add an English singular, `<key>_one`: i18next
 * reads it for t(key, { count: 1 }) and the message itself for any other count (Chinese has one
 * form, so its catalogs add none).
 */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> } & {
  [K in keyof T as T[K] extends string ? `${K & string}_one` : never]?: string;
};

/** Every language has exactly the keys of the Simplified Chinese catalog (English may add `_one` forms). */
export type Catalog = Strings<Messages>;
