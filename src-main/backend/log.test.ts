import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownerApi } from '../db/test-db';
import { createBackend } from './backend';
import { errorLogger, LOG_FILE_NAME, logFiles, redact } from './log';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-log-'));

describe('the log file', () => {
  it('starts a new file past the size limit and keeps three files at most', () => {
    const file = path.join(tempDir(), LOG_FILE_NAME);
    const log = errorLogger(file, { rotateBytes: 4000 });
    const references = Array.from({ length: 30 }, (_, i) => log('customers.create', new Error(`failure number ${i}`)));
    expect(logFiles(file).map((f) => path.basename(f))).toEqual(['desk-erp.log', 'desk-erp.log.1', 'desk-erp.log.2']);
    expect(fs.existsSync(`${file}.3`)).toBe(false);
    for (const f of logFiles(file)) expect(fs.statSync(f).size).toBeLessThanOrEqual(4000);
    const newest = fs.readFileSync(file, 'utf8');
    expect(newest).toContain(`ref=${references.at(-1)}`);
    expect(newest).toContain('failure number 29');
    expect(fs.readFileSync(`${file}.2`, 'utf8')).not.toContain('failure number 0\n');
  });

  it('keeps passwords, tokens and customer contact data out', () => {
    const text = redact(
      'insert failed: password=hunter22 token: abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH hash scrypt$32768$8$1$c2FsdA==$a2V5 mobile 13812345678 mail wang@boya.cn id 32010619800101123X',
    );
    for (const secret of ['hunter22', 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH', 'c2FsdA==', '13812345678', 'wang@boya.cn', '32010619800101123X']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('insert failed');
  });

  it('gets an unexpected error with the method, a reference, the user id and the stack, but not the input', async () => {
    const dir = tempDir();
    const api = await ownerApi(createBackend({ file: path.join(dir, 'desk-erp.sqlite') }));
    try {
      api.backend.registry.handlers['customers.create'] = async () => {
        throw new Error('disk on fire');
      };
      const result = await api.call('customers.create', { kind: 'company', name: '南京博雅食品有限公司', mobile: '13912345678' } as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const reference = !result.ok ? result.error.details?.reference : undefined;
      const log = fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8');
      expect(log).toMatch(new RegExp(`ERROR customers\\.create ref=${reference} user=${api.session.user!.id}\\nError: disk on fire\\n\\s+at `));
      expect(log).not.toContain('博雅');
      expect(log).not.toContain('13912345678');
    } finally {
      api.backend.close();
    }
  });
});
