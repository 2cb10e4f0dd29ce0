/**
 * The child process of checkpointer.crash.test.ts (bundled, run as `node child.mjs DB ENTRY`):
 * opens the book as the server does, with the checkpointer thread, and creates customers until
 * killed, printing each one's id once its call has returned (committed).
 */
import { createBackend } from './backend';
import { localAdmin } from '../domain/users/local-admin';

const [db, checkpointerEntry] = process.argv.slice(2);
const backend = createBackend({ file: db!, checkpointer: true, checkpointerEntry: checkpointerEntry! });
await backend.checkpointer()!.started;
const session = { user: localAdmin(backend.conn) };
for (let i = 0; ; i++) {
  const input = { kind: 'company', name: `南京客户${i}有限公司`, contacts: [{ name: `联系人${i}`, mobile: `139${String(i).padStart(8, '0')}` }] };
  const result = await backend.call({ session, transport: 'cli' }, 'customers.create', input);
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  process.stdout.write(`${(result.data as { id: string }).id}\n`);
}
