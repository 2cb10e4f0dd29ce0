import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';

describe('tasks', () => {
  it('gives a task to a colleague, who sees it as theirs and completes it once', async () => {
    const owner = await ownerApi();
    const sales = await owner.as('sales');
    const salesId = sales.session.user!.id;
    const task = await owner.ok('tasks.create', { assigneeId: salesId, title: '回访客户，确认三月对账单', dueDate: '2026-12-01' });
    expect(task).toMatchObject({ assigneeId: salesId, assigneeName: 'sales', title: '回访客户，确认三月对账单', dueDate: '2026-12-01', doneAt: null });
    expect((await owner.ok('tasks.list', { filters: { mine: true } })).total).toBe(0);
    expect((await owner.ok('tasks.list', { filters: { mine: false } })).total).toBe(1);
    expect(await sales.ok('tasks.list', {})).toMatchObject({ total: 1, rows: [{ id: task.id }] });

    const done = await sales.ok('tasks.complete', { id: task.id });
    expect(done).toMatchObject({ doneByName: 'sales' });
    expect(done.doneAt).not.toBeNull();
    expect(await sales.call('tasks.complete', { id: task.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await sales.ok('tasks.list', { filters: { openOnly: false } })).toMatchObject({ total: 1 });
  });

  it('exports the list as its reader sees it, open first by due date, done ones with who did them', async () => {
    const owner = await ownerApi();
    const sales = await owner.as('sales');
    const salesId = sales.session.user!.id;
    const later = await owner.ok('tasks.create', { assigneeId: salesId, title: '寄送样品', dueDate: '2026-12-10' });
    await owner.ok('tasks.create', { assigneeId: salesId, title: '回访客户', dueDate: '2026-12-01' });
    await owner.ok('tasks.create', { assigneeId: owner.session.user!.id, title: '审核退款' });
    await sales.ok('tasks.complete', { id: later.id });

    const file = await sales.ok('exports.tasks', { filters: { openOnly: false }, format: 'xlsx', language: 'zh-CN' });
    const [header, ...rows] = await sheetRows(file.content);
    expect(file.fileName).toMatch(/^待办-/);
    expect(header).toEqual(['事项', '来源', '客户', '负责人', '截止日期', '创建时间', '完成时间', '完成人']);
    expect(rows.map((r) => [r[0], r[3], r[4] instanceof Date ? r[4].toISOString().slice(0, 10) : r[4], r[7] ?? null])).toEqual([
      ['回访客户', 'sales', '2026-12-01', null],
      ['寄送样品', 'sales', '2026-12-10', 'sales'],
    ]);
    expect(rows[1]![6]).toBeInstanceOf(Date);
    // Open ones only, for tools: snake_case headers, dates as stored.
    const csv = csvLines((await sales.ok('exports.tasks', { format: 'csv' })).content);
    expect(csv).toEqual(['title,source,customer_name,assignee,due_date,created_at,done_at,done_by', expect.stringMatching(/^回访客户,,,sales,2026-12-01,\d{4}-/)]);
    expect((await owner.ok('exports.tasks', { filters: { mine: false }, format: 'csv' })).rows).toBe(2);
    expect(await sales.call('exports.tasks', { filters: { mine: false }, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('words the file as the to-do screen does, in every language', async () => {
    const { TASK_EXPORT_WORDS } = await import('./tasks.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const tasks = (await import(`../../../src-renderer/features/tasks/messages.${language}.ts`)).default;
      const words = TASK_EXPORT_WORDS[language];
      expect(words.file).toBe(tasks.title);
      expect(words.source).toEqual(tasks.source);
      expect([words.field.title, words.field.customer, words.field.assignee, words.field.dueDate, words.field.doneAt]).toEqual([
        tasks.field.title,
        tasks.field.customer,
        tasks.field.assignee,
        tasks.field.dueDate,
        tasks.field.doneAt,
      ]);
    }
  });

  it("keeps a salesperson to their own list and off other people's tasks", async () => {
    const owner = await ownerApi();
    const sales = await owner.as('sales');
    const ownTask = await owner.ok('tasks.create', { assigneeId: owner.session.user!.id, title: '审核退款' });
    expect(await sales.call('tasks.list', { filters: { mine: false } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await sales.call('tasks.complete', { id: ownTask.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(owner.backend.conn.sqlite.prepare('SELECT done_at FROM tasks WHERE id = ?').pluck().get(ownTask.id)).toBeNull();
  });

  it('refuses a task for nobody, about no customer, or with half a source, naming the field', async () => {
    const owner = await ownerApi();
    const nobody = '0192f0a0-0000-7000-8000-000000000000';
    expect(await owner.call('tasks.create', { assigneeId: nobody, title: '跟进' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'assigneeId', code: 'not_found' }] },
    });
    const me = owner.session.user!.id;
    expect(await owner.call('tasks.create', { assigneeId: me, customerId: nobody, title: '跟进' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'customerId', code: 'not_found' }] },
    });
    expect(await owner.call('tasks.create', { assigneeId: me, title: '跟进', sourceKind: 'statement' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'sourceId', code: 'required' }] },
    });
    expect(await owner.call('tasks.create', { assigneeId: me, title: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'title', code: 'required' }] } });
    expect(owner.backend.conn.sqlite.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(0);
  });
});
