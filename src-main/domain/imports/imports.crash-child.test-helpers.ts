/**
 * The child process of imports.crash.test.ts and catalog.import.crash.test.ts (bundled, run as
 * `node child.mjs DB CSV [METHOD]`, METHOD imports.customers unless named): imports the file as the
 * CLI does and prints every progress event as `phase done`, so the test can kill it with SIGKILL in
 * the phase it wants.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../backend/backend';
import { localAdmin } from '../users/local-admin';

const [db, csv, method = 'imports.customers'] = process.argv.slice(2);
const backend = createBackend({ file: db! });
backend.onEvent((event) => {
  if (event.kind === 'progress') process.stdout.write(`${event.message ?? ''} ${event.done}\n`);
});
const input = { fileName: path.basename(csv!), contentBase64: fs.readFileSync(csv!).toString('base64'), jobId: 'crash-import' };
const result = await backend.call({ session: { user: localAdmin(backend.conn) }, transport: 'cli' }, method as 'imports.customers' | 'imports.products', input);
process.stdout.write(`finished ${result.ok}\n`);
backend.close();
