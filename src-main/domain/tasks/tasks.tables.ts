export interface TasksTable {
  id: string;
  customer_id: string | null;
  assignee_id: string;
  title: string;
  due_date: string | null;
  source_kind: string | null;
  source_id: string | null;
  created_at: string;
  created_by: string | null;
  done_at: string | null;
  done_by: string | null;
}
