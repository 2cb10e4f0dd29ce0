import type { SortOrder } from '../components/SortHeader';

/** A list's filters as its URL carries them (`?f=` JSON), e.g. from a workbench figure's link. */
export function parseFilterParam<F extends object>(text: string | null): Partial<F> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<F>) : {};
  } catch {
    return {};
  }
}

/** A list's sort as its URL carries it (`?s=field.dir`); the fallback when absent or not one of `fields`. */
export function parseSortParam<Field extends string>(text: string | null, fields: readonly Field[], fallback: SortOrder<Field>): SortOrder<Field> {
  const [field, dir] = (text ?? '').split('.');
  if (!(fields as readonly string[]).includes(field ?? '')) return fallback;
  return { field: field as Field, dir: dir === 'desc' ? 'desc' : 'asc' };
}

/** The `?s=` value of a sort, or null for the list's own default (the URL stays clean). */
export function sortParam<Field extends string>(sort: SortOrder<Field>, fallback: SortOrder<Field>): string | null {
  return sort.field === fallback.field && sort.dir === fallback.dir ? null : `${sort.field}.${sort.dir}`;
}
