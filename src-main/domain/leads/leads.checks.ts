import type { InvariantCheck } from '../checks/invariants';

/**
 * A customer made from a lead and the lead point at each other (set by leads.convert, moved by
 * customers.merge); a converted lead never points at a customer merged away.
 */
export const leadLinksBothWays: InvariantCheck = {
  name: 'customers and their leads point at each other',
  run(sqlite) {
    const oneSided = sqlite
      .prepare(
        `SELECT c.code AS customer, l.code AS lead FROM customers c LEFT JOIN leads l ON l.id = c.lead_id
          WHERE c.lead_id IS NOT NULL AND (l.id IS NULL OR l.customer_id IS NOT c.id)`,
      )
      .all() as { customer: string; lead: string | null }[];
    const mergedAway = sqlite
      .prepare(`SELECT l.code AS lead, c.code AS customer FROM leads l JOIN customers c ON c.id = l.customer_id WHERE c.merged_into_id IS NOT NULL`)
      .all() as { lead: string; customer: string }[];
    return [
      ...oneSided.map((r) => `customer ${r.customer} names lead ${r.lead ?? '(missing)'}, which does not point back at it`),
      ...mergedAway.map((r) => `lead ${r.lead} points at ${r.customer}, which was merged into another customer`),
    ];
  },
};
