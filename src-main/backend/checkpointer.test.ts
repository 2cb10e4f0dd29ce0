import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_LIMITS, checkpointDue, type CheckpointerState } from '../db/checkpoints';
import { openDatabase } from '../db/connection';
import { ownerApi } from '../db/test-db';
import { aCustomer } from '../domain/customers/customers.test-helpers';
import type { CheckpointDone } from '../worker/checkpoint-worker';
import { createBackend, type RunningBackend } from './backend';

const MB = 1024 * 1024;
const opened: RunningBackend[] = [];
afterEach(() => opened.splice(0).forEach((backend) => backend.close()));

const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

async function aBookWithCheckpointer(boundBytes: number) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-checkpoints-')), 'desk-erp.sqlite');
  const backend = createBackend({ file, checkpointer: true, checkpointLimits: { pollMs: 20, passiveEveryMs: 50, boundBytes } });
  opened.push(backend);
  await backend.checkpointer()!.started;
  const checkpoints: CheckpointDone[] = [];
  backend.checkpointer()!.onCheckpoint((done) => checkpoints.push(done));
  const api = await ownerApi(backend);
  let created = 0;
  const addCustomers = async (count: number) => {
    for (let i = 0; i < count; i++, created++) await api.ok('customers.create', aCustomer({ name: `南京客户${created}有限公司`, shortName: null }));
  };
  return { file, backend, api, checkpoints, addCustomers };
}

async function until(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the checkpointer thread', () => {
  it('copies committed pages into the database file while the write connection never checkpoints', async () => {
    const { backend, checkpoints, addCustomers } = await aBookWithCheckpointer(64 * MB);
    expect(backend.conn.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await addCustomers(20);
    await until('a checkpoint moved pages', () => checkpoints.some((c) => c.mode === 'PASSIVE' && c.checkpointedFrames > 0));
    expect(checkpoints.every((c) => c.mode === 'PASSIVE')).toBe(true);
  }, 180_000);

  it('starts a WAL grown past its bound over once writes pause, keeping the file, and the book still holds every customer', async () => {
    const { file, backend, api, checkpoints, addCustomers } = await aBookWithCheckpointer(MB);
    while (walSize(file) < MB) await addCustomers(10);
    const grown = walSize(file);
    await until('the WAL was restarted', () => checkpoints.some((c) => c.mode === 'RESTART' && !c.busy));
    expect(walSize(file)).toBeGreaterThanOrEqual(MB);
    // Written over from its start, not emptied: the next writes make it no longer, and a grown one is cut back to the bound.
    await addCustomers(5);
    expect(walSize(file)).toBeLessThanOrEqual(Math.max(MB, grown));
    expect(walSize(file)).toBeGreaterThan(0);
    const listed = (await api.ok('customers.list', {})) as { total: number };
    expect(backend.conn.sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(listed.total);
  }, 180_000);

  it('leaves no WAL content behind on close, with every write in the database file', async () => {
    const { file, backend, addCustomers } = await aBookWithCheckpointer(64 * MB);
    await addCustomers(30);
    expect(walSize(file)).toBeGreaterThan(0);
    backend.close();
    expect(walSize(file)).toBe(0);
    const conn = openDatabase(file, { readonly: true });
    try {
      expect(conn.sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(30);
    } finally {
      conn.close();
    }
  }, 180_000);
});

describe('when a checkpoint is due', () => {
  const limits = { ...CHECKPOINT_LIMITS, passiveEveryMs: 1000, boundBytes: 64 * MB };
  const fresh: CheckpointerState = { previous: null, checkpointed: null, checkpointedAtMs: 0, lastMode: null };

  it('runs a PASSIVE one after writes, at most once a second, and none while nothing is written', () => {
    expect(checkpointDue({ size: 8192, modifiedMs: 5 }, 10_000, fresh, limits)).toBe('PASSIVE');
    const after = { ...fresh, checkpointed: { size: 8192, modifiedMs: 5 }, checkpointedAtMs: 10_000 };
    expect(checkpointDue({ size: 8192, modifiedMs: 9 }, 10_500, after, limits)).toBeNull();
    expect(checkpointDue({ size: 8192, modifiedMs: 9 }, 11_000, after, limits)).toBe('PASSIVE');
    expect(checkpointDue({ size: 8192, modifiedMs: 5 }, 60_000, after, limits)).toBeNull();
  });

  it('forces a WAL past its bound to start over while writes go on, copying it beside the writes first, and once more when they pause, never emptying it', () => {
    const limits200 = { ...limits, pollMs: 200 };
    const big = { size: 70 * MB, modifiedMs: 8 };
    const growing: CheckpointerState = { previous: { size: 69 * MB, modifiedMs: 7 }, checkpointed: { size: 60 * MB, modifiedMs: 6 }, checkpointedAtMs: 0, lastMode: 'PASSIVE' };
    // The last PASSIVE was long ago: copy what is there without holding the writes up, then restart.
    expect(checkpointDue(big, 5_000, growing, limits200)).toBe('PASSIVE');
    const copied: CheckpointerState = { previous: big, checkpointed: big, checkpointedAtMs: 5_000, lastMode: 'PASSIVE' };
    const bigger = { size: 72 * MB, modifiedMs: 9 };
    expect(checkpointDue(bigger, 5_200, copied, limits200)).toBe('RESTART');
    // Restarted: the writes reuse the file from its start and it no longer grows.
    const restarted: CheckpointerState = { previous: bigger, checkpointed: bigger, checkpointedAtMs: 5_200, lastMode: 'RESTART' };
    expect(checkpointDue({ ...bigger, modifiedMs: 10 }, 5_400, restarted, limits200)).toBeNull();
    // Writes paused: copy what came since, then truncate.
    const paused = { ...bigger, modifiedMs: 10 };
    expect(checkpointDue(paused, 5_600, { ...restarted, previous: paused }, limits200)).toBe('PASSIVE');
    expect(checkpointDue(paused, 5_800, { previous: paused, checkpointed: paused, checkpointedAtMs: 5_600, lastMode: 'PASSIVE' }, limits200)).toBe('RESTART');
    // Restarted while paused: nothing more until something is written, and then only the PASSIVE once a second.
    const rested: CheckpointerState = { previous: paused, checkpointed: paused, checkpointedAtMs: 5_800, lastMode: 'RESTART' };
    expect(checkpointDue(paused, 6_000, rested, limits200)).toBeNull();
    expect(checkpointDue(paused, 60_000, rested, limits200)).toBeNull();
    const writtenOver = { ...paused, modifiedMs: 11 };
    expect(checkpointDue(writtenOver, 6_200, rested, limits200)).toBeNull();
    expect(checkpointDue(writtenOver, 6_800, { ...rested, previous: writtenOver }, limits200)).toBe('PASSIVE');
    // A RESTART that readers held up is copied and tried again.
    const heldUp: CheckpointerState = { previous: paused, checkpointed: paused, checkpointedAtMs: 5_800, lastMode: null };
    expect(checkpointDue(paused, 6_000, heldUp, limits200)).toBe('PASSIVE');
  });
});
