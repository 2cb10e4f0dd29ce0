/**
 * The English the backend writes itself (the message beside an issue's code, logs, the CLI, a
 * file's words) says 1 in the singular: “1 day”, “3 days”. The UI's words take theirs from the
 * catalogs' `<key>_one` forms instead (src-renderer/i18n/catalog.ts). Runtime-neutral.
 */

/** A count and its noun: counted(1, 'day') is “1 day”, counted(0, 'day') “0 days”, counted(2, 'address', 'addresses'). */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A message from a catalog that keeps an English singular as `<key>_one` (i18next's way): that one for a count of 1. */
export function countedMessage(messages: Readonly<Record<string, string>>, key: string, count: unknown): string | undefined {
  return (count === 1 ? messages[`${key}_one`] : undefined) ?? messages[key];
}
