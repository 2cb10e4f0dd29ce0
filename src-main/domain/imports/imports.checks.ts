import type { InvariantCheck } from '../checks/invariants';

/**
 * An import's change rows are its undo record: an import that ended other than published (cancelled,
 * failed, undone) has taken everything back and keeps none, and a published one keeps one per
 * customer or product it wrote, as many as it says it created and updated.
 */
function recordsMatchTheirChanges(kind: 'customer' | 'product'): InvariantCheck {
  return {
    name: `${kind} imports keep exactly the change rows of what they still hold`,
    run(sqlite) {
      const rows = sqlite
        .prepare(
          `SELECT i.id, i.file_name AS file, i.status, i.created_count AS created, i.updated_count AS updated,
                  count(ch.${kind}_id) AS changes, count(ch.${kind}_id) FILTER (WHERE ch.kind = 'created') AS createdChanges
             FROM ${kind}_imports i LEFT JOIN ${kind}_import_changes ch ON ch.import_id = i.id
            WHERE i.status <> 'publishing'
            GROUP BY i.id
           HAVING (i.status <> 'published' AND changes > 0)
               OR (i.status = 'published' AND (createdChanges <> i.created_count OR changes - createdChanges <> i.updated_count))`,
        )
        .all() as { id: string; file: string; status: string; created: number; updated: number; changes: number; createdChanges: number }[];
      return rows.map((r) =>
        r.status === 'published'
          ? `import ${r.id} (${r.file}) says it created ${r.created} and updated ${r.updated} ${kind}s but keeps ${r.createdChanges} and ${r.changes - r.createdChanges} change rows`
          : `import ${r.id} (${r.file}) is ${r.status} but still keeps ${r.changes} change rows`,
      );
    },
  };
}

export const importRecordsMatchTheirChanges = recordsMatchTheirChanges('customer');
export const productImportRecordsMatchTheirChanges = recordsMatchTheirChanges('product');
