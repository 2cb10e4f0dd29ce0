import type { Kysely } from 'kysely';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Database } from '../../db/schema';
import type { CustomerStatus, DuplicateMatch } from './customers.dto';
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
  const push = (rows: { id: string; code: string; name: string; status: CustomerStatus }[], matchedOn: DuplicateMatch['matchedOn'], value: string) => {
    for (const row of rows) {
      if (!matches.some((m) => m.id === row.id && m.matchedOn === matchedOn)) {
        matches.push({ id: row.id, code: row.code, name: row.name, status: row.status, matchedOn, value });
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

/**
 * A CONFLICT for a draft that looks like existing customers: the matches as typed details (the
 * form lists them without asking again) and one `duplicate` issue at each field a match shares.
 */
export function duplicateConflict(matches: DuplicateMatch[], draft: { mobile?: string | null; contacts: { mobile?: string | null }[] }): AppError {
  const issues = matches.map((match) => {
    const params = { matchedOn: match.matchedOn, code: match.code, name: match.name, archived: match.status === 'archived' };
    if (match.matchedOn !== 'mobile') return fieldIssue(match.matchedOn, 'duplicate', params);
    const index = draft.contacts.findIndex((c) => c.mobile === match.value);
    return fieldIssue(draft.mobile === match.value || index < 0 ? 'mobile' : `contacts.${index}.mobile`, 'duplicate', params);
  });
  const codes = [...new Set(matches.map((d) => d.code))].join(', ');
  return new AppError('CONFLICT', `This looks like an existing customer (${codes}); save anyway with allowDuplicate, or merge`, issues, { duplicates: matches });
}
