/** Row types of the customer import's undo record (migration 0023). */
export type CustomerImportStatus = 'publishing' | 'published' | 'cancelled' | 'failed' | 'undone';

export interface CustomerImportsTable {
  id: string;
  file_name: string;
  status: CustomerImportStatus;
  user_id: string | null;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
  created_count: number;
  updated_count: number;
  series_before: number | null;
  series_after: number | null;
}

export interface CustomerImportChangesTable {
  import_id: string;
  customer_id: string;
  kind: 'created' | 'updated';
  /** JSON of `CustomerBeforeImage` for an update; NULL for a customer the import created. */
  before: string | null;
}

export interface CustomerImportTagsTable {
  import_id: string;
  tag_id: string;
}
