import { describe, expect, it } from 'vitest';
import { AREAS } from '../areas';
import { AUDIT_EXPORT_WORDS } from './audit-export.messages';

/** Every call that changes data leaves an audit row (dispatch), so each has words in the activity log. */
const AUDITED = AREAS.flatMap((area) => Object.entries(area.contract as Record<string, { mutates: boolean }>).filter(([, spec]) => spec.mutates).map(([name]) => name)).sort();

describe.each(Object.keys(AUDIT_EXPORT_WORDS) as (keyof typeof AUDIT_EXPORT_WORDS)[])('the activity log in %s', (language) => {
  it('words every action that changes data, as people say it', () => {
    const methods: Record<string, string> = AUDIT_EXPORT_WORDS[language].methods;
    expect(AUDITED.length).toBeGreaterThan(100);
    expect(AUDITED.filter((name) => !methods[name])).toEqual([]);
  });
});
