import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyWal, openDatabase } from './connection';

const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

describe('emptying the WAL when the book is closed', () => {
  it('gives up after its time while a reader still needs the WAL, and empties it once the reader is done', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-wal-')), 'book.sqlite');
    const writer = openDatabase(file).sqlite;
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE notes (text TEXT)');
    const reader = openDatabase(file, { readonly: true }).sqlite;
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM notes').get(); // a snapshot from before the next write
      writer.prepare('INSERT INTO notes VALUES (?)').run('记');
      writer.pragma('busy_timeout = 0');
      expect(emptyWal(writer, 30)).toBe(false);
      expect(walSize(file)).toBeGreaterThan(0);
      reader.exec('COMMIT');
      expect(emptyWal(writer, 30)).toBe(true);
      expect(walSize(file)).toBe(0);
    } finally {
      reader.close();
      writer.close();
    }
  });

  it('tries again while another connection’s checkpoint answers busy, instead of leaving the WAL full', () => {
    const answers = [[1, 40, 12], [1, 40, 30], [0, 0, 0]];
    let calls = 0;
    const sqlite = { prepare: () => ({ raw: () => ({ get: () => answers[calls++] }) }) };
    expect(emptyWal(sqlite as never, 5000)).toBe(true);
    expect(calls).toBe(3);
  });
});
