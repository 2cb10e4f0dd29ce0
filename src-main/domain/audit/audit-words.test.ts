import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS } from '../areas';
import { AUDIT_EXPORT_WORDS } from './audit-export.messages';

/** Every call that changes data leaves an audit row (dispatch), so each has words in the activity log. */
const AUDITED = AREAS.flatMap((area) => Object.entries(area.contract as Record<string, { mutates: boolean }>).filter(([, spec]) => spec.mutates).map(([name]) => name)).sort();

/** The records the areas audit, as their code names them (ctx.audit({ entityType: 'salesOrder', … })). */
function auditedRecords(): string[] {
  const domain = path.join(__dirname, '..');
  const files = fs.readdirSync(domain, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const kinds = files.flatMap((f) => [...fs.readFileSync(path.join(domain, f), 'utf8').matchAll(/entityType: '(\w+)'/g)].map((m) => m[1]!));
  return [...new Set(kinds)].sort();
}

describe.each(Object.keys(AUDIT_EXPORT_WORDS) as (keyof typeof AUDIT_EXPORT_WORDS)[])('the activity log in %s', (language) => {
  it('words every action that changes data, as people say it', () => {
    const methods: Record<string, string> = AUDIT_EXPORT_WORDS[language].methods;
    expect(AUDITED.length).toBeGreaterThan(100);
    expect(AUDITED.filter((name) => !methods[name])).toEqual([]);
  });

  it('names every kind of record an action changes', () => {
    const entities: Record<string, string> = AUDIT_EXPORT_WORDS[language].entities;
    const records = auditedRecords();
    expect(records.length).toBeGreaterThan(30);
    expect(records.filter((kind) => !entities[kind])).toEqual([]);
  });
});
