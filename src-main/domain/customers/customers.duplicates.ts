import type { Kysely } from 'kysely';
import type { FieldIssue } from '../../api/errors';
import type { Database } from '../../db/schema';
import type { CustomerStatus, DuplicateMatch } from './customers.contract';
import { creditCodeProblem, customerNameKey, isMainlandMobile, normaliseCreditCode, normaliseMobile } from './customers.rules';

export interface DuplicateProbe {
  name?: string | null;
  creditCode?: string | null;
  mobiles?: (string | null | undefined)[];
  excludeId?: string;
}

/**
 * Likely duplicates (疑似重复): the same credit code, the same mobile (the customer's or any
 * contact's) or the same normalised name. Merged-away customers never match; archived ones do.
 */
export async function findDuplicates(db: Kysely<Database>, probe: DuplicateProbe): Promise<DuplicateMatch[]> {
  const matches: DuplicateMatch[] = [];
  const base = () => {
    let query = db.selectFrom('customers as c').select(['c.id', 'c.code', 'c.name', 'c.status']).where('c.merged_into_id', 'is', null);
    if (probe.excludeId) query = query.where('c.id', '!=', probe.excludeId);
    return query;
  };
  const push = (rows: { id: string; code: string; name: string; status: string }[], reason: DuplicateMatch['reason'], value: string) => {
    for (const row of rows) {
      if (!matches.some((m) => m.id === row.id && m.reason === reason)) {
        matches.push({ id: row.id, code: row.code, name: row.name, status: row.status as CustomerStatus, reason, value });
      }
    }
  };

  const creditCode = probe.creditCode ? normaliseCreditCode(probe.creditCode) : '';
  if (creditCode && !creditCodeProblem(creditCode)) {
    push(await base().where('c.credit_code', '=', creditCode).execute(), 'creditCode', creditCode);
  }

  const mobiles = [...new Set((probe.mobiles ?? []).filter((m): m is string => !!m).map(normaliseMobile).filter(isMainlandMobile))];
  for (const mobile of mobiles) {
    const own = await base().where('c.mobile', '=', mobile).execute();
    // From the contact's mobile index to its customer (an EXISTS per customer would scan them all).
    let viaContactQuery = db
      .selectFrom('customer_contacts as cc')
      .innerJoin('customers as c', 'c.id', 'cc.customer_id')
      .select(['c.id', 'c.code', 'c.name', 'c.status'])
      .distinct()
      .where('cc.mobile', '=', mobile)
      .where('c.merged_into_id', 'is', null);
    if (probe.excludeId) viaContactQuery = viaContactQuery.where('c.id', '!=', probe.excludeId);
    const viaContact = await viaContactQuery.execute();
    push([...own, ...viaContact], 'mobile', mobile);
  }

  const nameKey = probe.name ? customerNameKey(probe.name) : '';
  if (nameKey) push(await base().where('c.name_key', '=', nameKey).execute(), 'name', nameKey);
  return matches;
}

/** Issues pointing at the fields of a create form, one per match, for a CONFLICT answer. */
export function duplicateIssues(matches: DuplicateMatch[], draft: { mobile?: string | null; contacts: { mobile?: string | null }[] }): FieldIssue[] {
  return matches.map((match) => {
    const who = `${match.code} ${match.name}${match.status === 'archived' ? ' (archived)' : ''}`;
    switch (match.reason) {
      case 'creditCode':
        return { path: 'creditCode', message: `Same unified social credit code as customer ${who}` };
      case 'name':
        return { path: 'name', message: `Same name as customer ${who}` };
      case 'mobile': {
        const index = draft.contacts.findIndex((c) => c.mobile === match.value);
        const path = draft.mobile === match.value || index < 0 ? 'mobile' : `contacts.${index}.mobile`;
        return { path, message: `Same mobile number as customer ${who}` };
      }
    }
  });
}
