import { afterEach, describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { sheetRows } from '../exports/exports.test-helpers';
import { dunningBooks, type DunningBooks } from './dunning.test-helpers';
import { startSmtpSink, type SmtpSink } from './smtp-sink.test-helpers';

let sink: SmtpSink | null = null;
afterEach(async () => {
  await sink?.close();
  sink = null;
});

/** A salesperson and one of their customers, with an e-mail address. */
async function aSalespersonsCustomer(books: DunningBooks, email: string | null = 'caiwu@boya.example') {
  const sales = await books.api.as('sales');
  const customerId = await books.customer({ name: '南京博雅商贸有限公司', ownerUserId: sales.session.user!.id, email, paymentTermsDays: 30 });
  return { sales, customerId };
}

describe('dunning reminders (催收)', () => {
  it('raises one reminder per invoice and level, the highest level reached, in the owner’s queue', async () => {
    const books = await dunningBooks();
    const { sales, customerId } = await aSalespersonsCustomer(books);
    const other = await books.api.as('sales');
    const old = await books.invoice(customerId, yuan(1200), books.daysAgo(75)); // 45 days overdue: the 30-day level only
    const recent = await books.invoice(customerId, yuan(300), books.daysAgo(32)); // 2 days overdue: the 1-day level
    await books.invoice(customerId, yuan(50), books.daysAgo(10)); // due in 20 days: no level yet

    expect(await books.run()).toMatchObject({ reminders: 2 });
    expect(await books.run()).toMatchObject({ reminders: 0 });

    const mine = await sales.ok('dunning.queue', { filters: { scope: 'mine' } });
    expect(mine.rows.map((r) => [r.daysAfterDue, r.amount, r.invoices.map((i) => i.invoiceNo)])).toEqual([
      [30, yuan(1200), [old.invoiceNo]],
      [1, yuan(300), [recent.invoiceNo]],
    ]);
    expect((await other.ok('dunning.queue', { filters: { scope: 'mine' } })).total).toBe(0);
    expect(await other.call('dunning.queue', { filters: { scope: 'all' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await books.api.ok('dunning.queue', { filters: { scope: 'all' } })).total).toBe(2);
    // The queue as a file, to call down by phone: as its reader sees it, in the order it shows.
    const file = await sales.ok('exports.reminders', { filters: { scope: 'mine' }, format: 'xlsx', language: 'zh-CN' });
    const [header, ...rows] = await sheetRows(file.content);
    expect(file.fileName).toMatch(/^催收提醒-/);
    expect(header!.slice(0, 8)).toEqual(['客户编码', '客户', '逾期天数（负数为到期前）', '发票', '金额', '提醒日期', '负责人', '状态']);
    expect(rows.map((r) => [r[1], r[2], r[3], r[4], r[7], r[8]])).toEqual([
      ['南京博雅商贸有限公司', 30, old.invoiceNo, 1200, '待处理', 'caiwu@boya.example'],
      ['南京博雅商贸有限公司', 1, recent.invoiceNo, 300, '待处理', 'caiwu@boya.example'],
    ]);
    expect((await other.ok('exports.reminders', { filters: { scope: 'mine' }, format: 'csv' })).rows).toBe(0);
    expect(await other.call('exports.reminders', { filters: { scope: 'all' }, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Three days on, the recent invoice has not reached 15 days: nothing new. At 16 days it has.
    expect(await books.run(books.daysAgo(-3))).toMatchObject({ reminders: 0 });
    expect(await books.run(books.daysAgo(-14))).toMatchObject({ reminders: 1 });
    const workbench = await sales.ok('workbench.cards', {});
    expect(workbench.cards.find((c) => c.key === 'dunning')!.figures[0]).toMatchObject({ key: 'remindersMine', count: 3, amount: yuan(1200 + 300 + 300) });
  });

  it('sends a reminder by e-mail through the SMTP server, in the customer’s words and figures', async () => {
    sink = await startSmtpSink({ user: 'ar@boya.example', password: 's3cret-smtp' });
    const books = await dunningBooks();
    await books.api.ok('dunning.updateSettings', { smtp: { host: '127.0.0.1', port: sink.port, secure: false, user: 'ar@boya.example', password: 's3cret-smtp', from: 'ar@boya.example' } });
    const { sales, customerId } = await aSalespersonsCustomer(books);
    const invoice = await books.invoice(customerId, yuan(1234.5), books.daysAgo(35));
    await books.run();
    const [reminder] = (await sales.ok('dunning.queue', { filters: {} })).rows;

    const sent = await sales.ok('dunning.send', { id: reminder!.id });

    expect(sent).toMatchObject({ status: 'sent', emailTo: 'caiwu@boya.example', subject: '南京博雅食品有限公司：发票已到期，请尽快付款' });
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail).toMatchObject({ from: 'ar@boya.example', to: ['caiwu@boya.example'], user: 'ar@boya.example', subject: '南京博雅食品有限公司：发票已到期，请尽快付款' });
    expect(mail.text).toContain('南京博雅商贸有限公司：您好！');
    expect(mail.text).toContain(`${invoice.invoiceNo}  ¥1,234.50  到期 ${invoice.dueDate}`);
    expect(mail.text).toContain('逾期合计：¥1,234.50');
    expect((await sales.ok('dunning.queue', { filters: {} })).total).toBe(0);
    const timeline = await books.api.ok('customers.timeline', { customerId, page: 1, pageSize: 20 });
    expect(timeline.rows.find((r) => r.kind === 'dunning_reminder')).toMatchObject({ title: 'sent', data: { daysAfterDue: 1, emailTo: 'caiwu@boya.example' } });

    // The password is kept, never shown, and never in the audit log.
    expect((await books.api.ok('dunning.settings', {})).smtp).toEqual({ host: '127.0.0.1', port: sink.port, secure: false, user: 'ar@boya.example', from: 'ar@boya.example', hasPassword: true });
    expect(books.sqlite.prepare("SELECT count(*) FROM audit_log WHERE changes LIKE '%s3cret-smtp%'").pluck().get()).toBe(0);
  });

  it('sends in English when asked, and a test message from the settings screen', async () => {
    sink = await startSmtpSink();
    const books = await dunningBooks();
    await books.api.ok('dunning.updateSettings', { smtp: { host: '127.0.0.1', port: sink.port, secure: false, user: '', from: 'ar@boya.example' } });
    const { customerId } = await aSalespersonsCustomer(books, 'ap@client.example');
    await books.invoice(customerId, yuan(99), books.daysAgo(27)); // due in 3 days
    await books.run();
    const [reminder] = (await books.api.ok('dunning.queue', { filters: { scope: 'all' } })).rows;

    await books.api.ok('dunning.send', { id: reminder!.id, language: 'en' });
    await books.api.ok('dunning.testEmail', { to: 'boss@boya.example' });

    expect(sink.received.map((m) => [m.to[0], m.subject])).toEqual([
      ['ap@client.example', '南京博雅食品有限公司: invoices falling due soon'],
      ['boss@boya.example', '南京博雅食品有限公司：测试邮件 / test message'],
    ]);
    expect(sink.received[0]!.text).toContain('Total: ¥99.00');
  });

  it('keeps the reminder due when the mail server refuses, and names what it said', async () => {
    sink = await startSmtpSink({ refuse: true });
    const books = await dunningBooks();
    await books.api.ok('dunning.updateSettings', { smtp: { host: '127.0.0.1', port: sink.port, secure: false, user: '', from: 'ar@boya.example' } });
    const { sales, customerId } = await aSalespersonsCustomer(books);
    await books.invoice(customerId, yuan(100), books.daysAgo(40));
    await books.run();
    const [reminder] = (await sales.ok('dunning.queue', { filters: {} })).rows;

    const result = await sales.call('dunning.send', { id: reminder!.id });

    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'smtp', code: 'email_failed' }] } });
    expect((await sales.ok('dunning.queue', { filters: {} })).rows[0]).toMatchObject({ id: reminder!.id, status: 'due' });
  });

  it('is skipped with a reason or done after a phone call; without an address or SMTP it cannot be e-mailed', async () => {
    const books = await dunningBooks();
    const { sales, customerId } = await aSalespersonsCustomer(books, null);
    await books.invoice(customerId, yuan(100), books.daysAgo(75));
    await books.invoice(customerId, yuan(100), books.daysAgo(32));
    await books.run();
    const [first, second] = (await sales.ok('dunning.queue', { filters: {} })).rows;

    expect(await sales.call('dunning.send', { id: first!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'no_email_address' }] } });
    expect(await sales.call('dunning.skip', { id: first!.id, note: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'note' }] } });
    expect(await sales.ok('dunning.markDone', { id: first!.id, note: '电话联系财务，月底付款' })).toMatchObject({ status: 'done', note: '电话联系财务，月底付款', handledByName: 'sales' });
    expect(await sales.ok('dunning.skip', { id: second!.id, note: '客户已承诺本周付款' })).toMatchObject({ status: 'skipped' });
    expect(await sales.call('dunning.markDone', { id: second!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'not_due', params: { status: 'skipped' } }] } });
    expect((await sales.ok('dunning.queue', { filters: { status: 'done' } })).rows.map((r) => r.id)).toEqual([first!.id]);

    await books.api.ok('customers.update', { id: customerId, email: 'caiwu@boya.example' });
    await books.run(books.daysAgo(-14));
    const [third] = (await sales.ok('dunning.queue', { filters: {} })).rows;
    expect(await sales.call('dunning.send', { id: third!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'smtp_not_set' }] } });
  });

  it('edits levels and their templates, refusing a placeholder that does not exist', async () => {
    const books = await dunningBooks();
    const levels = await books.api.ok('dunning.levels', {});
    expect(levels.map((l) => l.daysAfterDue)).toEqual([-3, 1, 15, 30]);
    const fifteen = levels.find((l) => l.daysAfterDue === 15)!;

    const typo = await books.api.call('dunning.saveLevel', { ...fifteen, bodyZh: '{客户名称}：请付款 {totalOverdue}' });
    expect(typo).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'bodyZh', code: 'invalid_choice', params: { value: '{客户名称}' } }] } });
    expect(await books.api.call('dunning.saveLevel', { ...fifteen, id: undefined, daysAfterDue: 30 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'daysAfterDue', code: 'duplicate' }] } });
    const sixty = await books.api.ok('dunning.saveLevel', { daysAfterDue: 60, subjectZh: '律师函预告', bodyZh: '{customerName}：逾期 {totalOverdue}', subjectEn: 'Final', bodyEn: '{customerName}: {totalOverdue}' });
    await books.api.ok('dunning.removeLevel', { id: fifteen.id });

    expect((await books.api.ok('dunning.levels', {})).map((l) => l.daysAfterDue)).toEqual([-3, 1, 30, 60]);
    const { customerId } = await aSalespersonsCustomer(books);
    await books.invoice(customerId, yuan(100), books.daysAgo(50)); // 20 days overdue: 15 is off, so the 1-day level
    await books.run();
    const [reminder] = (await books.api.ok('dunning.queue', { filters: { scope: 'all' } })).rows;
    expect(reminder).toMatchObject({ daysAfterDue: 1 });
    expect(sixty.id).toBeTruthy();
  });
});

describe('the words of the reminders file', () => {
  it('are the words the queue shows, in every language', async () => {
    const { REMINDER_EXPORT_WORDS } = await import('./dunning.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const dunning = (await import(`../../../src-renderer/features/dunning/messages.${language}.ts`)).default;
      expect(REMINDER_EXPORT_WORDS[language].status).toEqual(dunning.queue.status);
      expect(REMINDER_EXPORT_WORDS[language].file).toBe(dunning.queue.title);
      expect([REMINDER_EXPORT_WORDS[language].field.customer, REMINDER_EXPORT_WORDS[language].field.amount, REMINDER_EXPORT_WORDS[language].field.date]).toEqual([dunning.field.customer, dunning.field.amount, dunning.field.date]);
    }
  });
});
