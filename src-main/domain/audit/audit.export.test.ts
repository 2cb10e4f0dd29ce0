import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit.contract';
import { changesText } from './audit.export';

const loggedCall: AuditEntry = {
  id: '0190a0b0-0000-7000-8000-000000000001',
  at: '2026-11-28T16:31:00.000Z',
  userId: null,
  username: 'boss',
  userName: '周老板',
  method: 'customers.logInteraction',
  entityType: 'customerInteraction',
  entityId: '0190a0b0-0000-7000-8000-000000000002',
  changes: [{ entityType: 'customerInteraction', entityId: '0190a0b0-0000-7000-8000-000000000002', fields: { occurredAt: { before: null, after: '2026-11-28T16:30:00.000Z' } } }],
  changeCount: 1,
  transport: 'http',
};

describe('the activity log file’s changes column', () => {
  it('gives people a changed time on the company’s clock and tools the stored UTC text', () => {
    expect(changesText(loggedCall, 'zh-CN', 'Asia/Shanghai')).toBe('发生时间: — → 2026-11-29 00:30');
    expect(changesText(loggedCall, null, 'Asia/Shanghai')).toBe('occurredAt: — → 2026-11-28T16:30:00.000Z');
  });
});
