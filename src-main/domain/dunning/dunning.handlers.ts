import type { HandlersFor } from '../area';
import { assertCustomerVisible } from '../customers/customers.scope';
import { businessToday } from '../receivables/invoices.service';
import type { dunningContract } from './dunning.contract';
import { sendMail } from './dunning.email';
import { activeLevels, removeLevel, saveLevel } from './dunning.levels';
import { closeReminder, previewReminder, reminderQueue } from './dunning.reminders';
import { sendReminder } from './dunning.send';
import { creditHoldStatus, dunningSettings, runDunning, setCreditHold, updateDunningSettings } from './dunning.service';

export const dunningHandlers: HandlersFor<typeof dunningContract> = {
  'dunning.settings': async (_input, ctx) => dunningSettings(ctx),
  'dunning.updateSettings': async (input, ctx) => updateDunningSettings(ctx, input),
  'dunning.testEmail': async (input, ctx) => {
    const company = ctx.sqlite.prepare('SELECT name FROM company WHERE id = 1').pluck().get() as string;
    await sendMail(ctx.sqlite, { to: input.to, subject: `${company}：测试邮件 / test message`, text: `这是 Desk ERP 发出的测试邮件，说明邮件设置可用。\nThis test message from Desk ERP shows the e-mail settings work.` });
    return { sent: true };
  },
  'dunning.levels': async (_input, ctx) => activeLevels(ctx.sqlite),
  'dunning.saveLevel': async (input, ctx) => saveLevel(ctx, input),
  'dunning.removeLevel': async (input, ctx) => removeLevel(ctx, input.id),
  'dunning.run': async (input, ctx) => runDunning(ctx, input.asOf ?? (await businessToday(ctx))),
  'dunning.queue': async (input, ctx) => reminderQueue(ctx, input.filters, input.page, input.pageSize),
  'dunning.preview': async (input, ctx) => previewReminder(ctx, input.id, input.language),
  'dunning.send': (input, ctx) => sendReminder(ctx, input.id, input.language, input.resend),
  'dunning.skip': async (input, ctx) => closeReminder(ctx, input.id, 'skipped', input.note),
  'dunning.markDone': async (input, ctx) => closeReminder(ctx, input.id, 'done', input.note ?? null),
  'dunning.creditHold': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return creditHoldStatus(ctx, input.customerId, await businessToday(ctx));
  },
  'dunning.hold': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return setCreditHold(ctx, input, 'hold', await businessToday(ctx));
  },
  'dunning.release': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return setCreditHold(ctx, input, 'release', await businessToday(ctx));
  },
};
