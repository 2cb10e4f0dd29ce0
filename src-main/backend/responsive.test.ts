import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { customerSheet } from '../../bench/imports.bench';
import type { Session } from '../api/session';
import { createBackend } from './backend';
import type { ReaderPool } from './readers';

describe('an app that stays responsive during long work', () => {
  // The milliseconds are the benchmark's to report (bench, imports: "customers.list … while an import … is writing");
  // here: every list answers while the import is still running, so no read waits for the write.
  it('answers customers.list twenty times while an import of 50,000 rows runs, none waiting for it', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-responsive-')), 'desk-erp.sqlite');
    const backend = createBackend({ file, readers: 1 });
    try {
      await (backend.readers as unknown as ReaderPool).started();
      const session: Session = { user: null };
      const call = (method: string, input: unknown) => backend.call({ session, transport: 'test' }, method, input);
      expect((await call('auth.setup', { companyName: '南京博雅食品有限公司', ownerUsername: 'boss', ownerDisplayName: '老板', password: 'secret-123' })).ok).toBe(true);

      const csv = Buffer.from(customerSheet(50_000), 'utf8');
      let importDone = false;
      const importing = call('imports.customers', { fileName: 'customers.csv', contentBase64: csv.toString('base64'), jobId: 'responsive-import-1' }).finally(() => (importDone = true));

      // Wait until the import is under way (its first progress), then list while it runs.
      await new Promise<void>((resolve) => {
        const stop = backend.onEvent((event) => {
          if (event.kind === 'progress' && event.done > 0) {
            stop();
            resolve();
          }
        });
      });
      const answeredDuringImport: boolean[] = [];
      for (let i = 0; i < 20; i++) {
        const list = await call('customers.list', { page: 1, pageSize: 50 });
        expect(list.ok).toBe(true);
        answeredDuringImport.push(!importDone);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const result = await importing;
      expect(result).toMatchObject({ ok: true, data: { imported: 50_000 } });
      expect(answeredDuringImport).toEqual(Array(20).fill(true));
    } finally {
      backend.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }, 300_000);
});
