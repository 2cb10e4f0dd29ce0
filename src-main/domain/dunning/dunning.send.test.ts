import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../../e2e/harness';
import { monthStart } from '../core/dates';
import { formatFen, yuan } from '../core/money';
import { dunningBooks, type DunningBooks } from './dunning.test-helpers';
import { startSmtpSink, type SmtpSink } from './smtp-sink.test-helpers';

const PDFTOTEXT = '/usr/bin/pdftotext';
const canPrint = chromiumAvailable() && (fs.existsSync(PDFTOTEXT) || process.env.CI === 'true');
const SLOW = 180_000;

let sink: SmtpSink | null = null;
afterEach(async () => {
  await sink?.close();
  sink = null;
});

async function booksWithMail(options: Parameters<typeof startSmtpSink>[0] = {}) {
  sink = await startSmtpSink(options);
  const books = await dunningBooks();
  await books.api.ok('dunning.updateSettings', { smtp: { host: '127.0.0.1', port: sink.port, secure: false, user: '', from: 'ar@boya.example' } });
  const sales = await books.api.as('sales');
  const customerId = await books.customer({ name: '南京博雅商贸有限公司', ownerUserId: sales.session.user!.id, email: 'caiwu@boya.example', paymentTermsDays: 30 });
  return { books, sales, customerId, sink };
}

async function dueReminder(books: DunningBooks, api: DunningBooks['api']) {
  await books.run();
  return (await api.ok('dunning.queue', { filters: {} })).rows[0]!;
}

function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-reminder-')), 'statement.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!canPrint)('e-mailing a reminder (催收邮件)', () => {
  it(
    'attaches the customer’s statement of account up to today, closing at what receivables says is owed',
    async () => {
      const { books, sales, customerId, sink } = await booksWithMail();
      const old = await books.invoice(customerId, yuan(1200), books.daysAgo(75));
      await books.invoice(customerId, yuan(345.67), books.daysAgo(40));
      await books.pay(customerId, yuan(200));
      const reminder = await dueReminder(books, sales);

      const sent = await sales.ok('dunning.send', { id: reminder.id });

      const [mail] = sink.received;
      const fileName = `对账单-南京博雅商贸有限公司-${books.today}.pdf`;
      expect(mail!.attachments.map((a) => [a.filename, a.contentType])).toEqual([[fileName, 'application/pdf']]);
      const pdf = mail!.attachments[0]!.content;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
      const { balance } = await books.api.ok('receivables.balance', { customerId });
      expect(balance).toBe(yuan(1200 + 345.67 - 200));
      expect(text).toContain('南京博雅商贸有限公司');
      expect(text).toContain(formatFen(balance));
      // The statement runs from the month of the oldest open invoice, so each debt chased is on it.
      expect(text).toContain(old.invoiceNo);
      expect(text).toContain(`${monthStart(books.daysAgo(75))} ~ ${books.today}`);
      expect(sent).toMatchObject({ status: 'sent', lastEmail: { status: 'sent', to: 'caiwu@boya.example', attachment: fileName, messageId: mail!.messageId, error: null } });
    },
    SLOW,
  );

  it(
    'holds no write transaction while the mail server takes its time: other writes go through meanwhile',
    async () => {
      const { books, sales, customerId } = await booksWithMail({ delayMs: 4000 });
      await books.invoice(customerId, yuan(500), books.daysAgo(40));
      const reminder = await dueReminder(books, sales);

      let sendFinished = false;
      const sending = sales.ok('dunning.send', { id: reminder.id }).then((r) => ((sendFinished = true), r));
      while (sink!.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      // The message is with the server, which answers in 4 s; a salesperson's write meanwhile:
      const started = Date.now();
      await books.api.ok('customers.update', { id: customerId, notes: '财务周五付款' });
      const waited = Date.now() - started;
      const meanwhile = (await sales.ok('dunning.queue', { filters: {} })).rows[0];

      expect(sendFinished).toBe(false);
      expect(waited).toBeLessThan(2000);
      expect(meanwhile).toMatchObject({ id: reminder.id, status: 'due', lastEmail: { status: 'sending' } });
      expect(await sales.call('dunning.send', { id: reminder.id, resend: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'send_in_progress' }] } });
      expect(await sending).toMatchObject({ status: 'sent', lastEmail: { status: 'sent' } });
      expect(sink!.received).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'after a crash mid-send, sends again only when told to, and keeps every attempt',
    async () => {
      const { books, sales, customerId, sink } = await booksWithMail();
      await books.invoice(customerId, yuan(800), books.daysAgo(40));
      const reminder = await dueReminder(books, sales);
      // What a crash after the first step leaves: an attempt 'sending' that nobody settled, ten minutes ago.
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
      books.sqlite
        .prepare("INSERT INTO dunning_emails (id, reminder_id, email_to, subject, started_at) VALUES ('0190a0b0-0000-7000-8000-00000000e001', ?, 'caiwu@boya.example', '催款', ?)")
        .run(reminder.id, tenMinutesAgo);

      expect((await sales.ok('dunning.queue', { filters: {} })).rows[0]).toMatchObject({ status: 'due', lastEmail: { status: 'unconfirmed', startedAt: tenMinutesAgo } });
      const refused = await sales.call('dunning.send', { id: reminder.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'id', code: 'send_unconfirmed', params: { since: tenMinutesAgo } }] } });
      expect(sink.received).toHaveLength(0);

      expect(await sales.ok('dunning.send', { id: reminder.id, resend: true })).toMatchObject({ status: 'sent' });
      expect(sink.received).toHaveLength(1);
      const attempts = books.sqlite.prepare('SELECT status, message_id IS NOT NULL AS has_id FROM dunning_emails WHERE reminder_id = ? ORDER BY started_at').all(reminder.id);
      expect(attempts).toEqual([
        { status: 'unknown', has_id: 0 },
        { status: 'sent', has_id: 1 },
      ]);
      expect(() => books.sqlite.prepare("UPDATE dunning_emails SET status = 'failed', error = 'x' WHERE reminder_id = ?").run(reminder.id)).toThrow(/settled attempt/);
    },
    SLOW,
  );

  it(
    'records a refusal with what the server said, keeps the reminder and its task open',
    async () => {
      const { books, sales, customerId, sink } = await booksWithMail({ refuse: true });
      await books.invoice(customerId, yuan(100), books.daysAgo(40));
      const reminder = await dueReminder(books, sales);

      const result = await sales.call('dunning.send', { id: reminder.id });

      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'smtp', code: 'email_failed' }] } });
      const [after] = (await sales.ok('dunning.queue', { filters: {} })).rows;
      expect(after).toMatchObject({ id: reminder.id, status: 'due', lastEmail: { status: 'failed', messageId: null } });
      expect(after!.lastEmail!.error).toMatch(/Mailbox unavailable/);
      const [task] = (await sales.ok('tasks.list', { filters: {} })).rows;
      expect(task).toMatchObject({ sourceKind: 'dunning_reminder', sourceId: reminder.id, doneAt: null });
      expect(sink.received).toHaveLength(0);
      const audit = books.sqlite.prepare("SELECT count(*) FROM audit_log WHERE method = 'dunning.send' AND changes LIKE '%failed%'").pluck().get();
      expect(audit).toBe(1);
    },
    SLOW,
  );
});

describe('reminders as tasks (待办)', () => {
  it('puts each reminder on its owner’s task list once, and closes the task with the reminder', async () => {
    const books = await dunningBooks();
    const sales = await books.api.as('sales');
    const me = sales.session.user!.id;
    const customerId = await books.customer({ name: '苏州恒通建材有限公司', ownerUserId: me, paymentTermsDays: 30 });
    await books.invoice(customerId, yuan(1200), books.daysAgo(75));
    await books.invoice(customerId, yuan(300), books.daysAgo(32));
    await books.run();
    await books.run();

    const reminders = (await sales.ok('dunning.queue', { filters: {} })).rows;
    const tasks = (await sales.ok('tasks.list', { filters: {} })).rows;
    expect(tasks.map((t) => [t.sourceKind, t.sourceId, t.assigneeId, t.customerId]).sort()).toEqual(reminders.map((r) => ['dunning_reminder', r.id, me, customerId]).sort());
    expect(tasks.map((t) => t.title).sort()).toEqual(['催收 苏州恒通建材有限公司：¥1,200.00（逾期 30 天）', '催收 苏州恒通建材有限公司：¥300.00（逾期 1 天）']);
    expect(tasks.every((t) => t.dueDate === books.today)).toBe(true);

    const [thirty, one] = reminders;
    await sales.ok('dunning.markDone', { id: thirty!.id, note: '电话联系财务，月底付款' });
    // A manager skipping the salesperson's reminder closes the salesperson's task too.
    await books.api.ok('dunning.skip', { id: one!.id, note: '客户已承诺本周付款' });

    expect((await sales.ok('tasks.list', { filters: {} })).total).toBe(0);
    const closed = (await sales.ok('tasks.list', { filters: { openOnly: false } })).rows;
    expect(closed.map((t) => [t.sourceId, t.doneByName]).sort()).toEqual([
      [one!.id, books.api.session.user!.displayName],
      [thirty!.id, 'sales'],
    ].sort());
    expect(await sales.call('tasks.complete', { id: closed[0]!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('gives a reminder of a customer nobody owns no task, and catches up a reminder raised before tasks', async () => {
    const books = await dunningBooks();
    const pooled = await books.customer({ name: '无锡远航物流有限公司', paymentTermsDays: 30 });
    books.sqlite.prepare('UPDATE customers SET owner_user_id = NULL WHERE id = ?').run(pooled);
    await books.invoice(pooled, yuan(100), books.daysAgo(40));
    await books.run();
    const [reminder] = (await books.api.ok('dunning.queue', { filters: { scope: 'all' } })).rows;
    expect(reminder).toMatchObject({ ownerUserId: null });
    expect((await books.api.ok('tasks.list', { filters: { mine: false } })).total).toBe(0);

    // Given an owner later (as a reminder raised before this release has none), the next run adds its task, once.
    books.sqlite.prepare('UPDATE dunning_reminders SET owner_user_id = ? WHERE id = ?').run(books.api.session.user!.id, reminder!.id);
    await books.run();
    await books.run();
    const tasks = (await books.api.ok('tasks.list', { filters: { mine: false } })).rows;
    expect(tasks.map((t) => t.sourceId)).toEqual([reminder!.id]);
  });
});
