/** A translation function fixed to the language a document prints in (not necessarily the UI's). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;
