import type { z } from 'zod';

/**
 * Pre-checks a Mantine form with the contract's own zod schema, so the form shows the same
 * field errors the backend would send (the backend still decides).
 */
export function zodValidate<S extends z.ZodTypeAny>(schema: S) {
  return (values: unknown): Record<string, string> => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= issue.message;
    }
    return errors;
  };
}
