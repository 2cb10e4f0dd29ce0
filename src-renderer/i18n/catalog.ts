import type { Messages } from './zh-CN';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** Every language has exactly the keys of the Simplified Chinese catalog. */
export type Catalog = DeepStrings<Messages>;
