import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method } from '../api/method';
import { openDatabase } from '../db/connection';
import { defineArea } from '../domain/area';
import { backendOn } from './backend';
import { buildRegistry } from './registry';
import { notesArea } from './test-area/notes.area';

const env = { file: ':memory:', jobs: new Map<string, AbortController>() };
const user = (role: 'owner' | 'sales' | 'service') => ({ id: `u-${role}`, username: role, displayName: role, role, locale: null });

describe('areas that register themselves', () => {
  it('serves a throwaway area registered alone, through dispatch, with its own permission', async () => {
    const backend = backendOn(openDatabase(':memory:'), [notesArea]);
    try {
      const sales = { session: { user: user('sales') }, transport: 'test' as const };
      expect(await backend.call(sales, 'notes.echo', { text: 'hello' })).toEqual({ ok: true, data: { text: 'HELLO', by: 'sales' } });
      const service = { session: { user: user('service') }, transport: 'test' as const };
      expect(await backend.call(service, 'notes.echo', { text: 'hello' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await backend.call(sales, 'notes.echo', { text: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await backend.call(sales, 'customers.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(backend.checkInvariants().map((c) => c.name)).toContain('notes are fine');
    } finally {
      backend.close();
    }
  });

  it('refuses a method declared by two areas', () => {
    const twin = defineArea({ name: 'notes', contract: notesArea.contract, handlers: notesArea.handlers, permissions: {} });
    expect(() => buildRegistry([notesArea, { ...twin, name: 'notes' }], env)).toThrow(/registered twice/);
    const squatter = defineArea({
      name: 'other',
      contract: { 'notes.echo': notesArea.contract['notes.echo'] },
      handlers: { 'notes.echo': async () => ({ text: 'mine', by: 'nobody' }) },
    });
    expect(() => buildRegistry([notesArea, squatter], env)).toThrow(/does not belong to area other/);
  });

  it('refuses a method whose permission no area declares, and a permission declared twice', () => {
    const lonely = defineArea({
      name: 'lonely',
      contract: { 'lonely.ping': method<null>()({ input: z.object({}), permission: 'lonely.nobody', mutates: false }) },
      handlers: { 'lonely.ping': async () => null },
    });
    expect(() => buildRegistry([lonely], env)).toThrow(/needs permission lonely.nobody, which no area declares/);
    const again = defineArea({ name: 'again', contract: {}, handlers: {}, permissions: { 'notes.use': ['owner'] } });
    expect(() => buildRegistry([notesArea, again], env)).toThrow(/Permission notes.use is declared twice/);
  });

  it('refuses a method without a handler and a "constructor" method name finds nothing', async () => {
    const broken = { name: 'broken', contract: { 'broken.ping': method<null>()({ input: z.object({}), permission: 'signedIn', mutates: false }) }, handlers: {} };
    expect(() => buildRegistry([broken as never], env)).toThrow(/broken.ping has no handler/);
    const backend = backendOn(openDatabase(':memory:'), [notesArea]);
    const owner = { session: { user: user('owner') }, transport: 'test' as const };
    expect(await backend.call(owner, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call(owner, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    backend.close();
  });
});
