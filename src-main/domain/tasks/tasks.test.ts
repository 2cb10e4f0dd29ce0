import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';

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
