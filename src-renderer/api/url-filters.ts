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
