/** Dunning settings, the daily run, and a manager's hold and release of a customer's credit. */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { customerExists } from '../receivables/receivables.repository';
import type { CreditHoldStatus, DunningSettings, smtpInput } from './dunning.contract';
import { creditHoldOf, customersToReview, HOLD_AFTER_DAYS_SETTING, holdAfterDays, overdueDaysOf, recordCreditHold, reviewCreditHold } from './credit-hold';
import { saveSmtpSettings, smtpSettings } from './dunning.email';
import { raiseReminders } from './dunning.reminders';
import type { z } from 'zod';

export function dunningSettings(ctx: Pick<HandlerContext, 'sqlite'>): DunningSettings {
  return { holdAfterDays: holdAfterDays(ctx.sqlite), smtp: smtpSettings(ctx.sqlite) };
}

export function updateDunningSettings(ctx: HandlerContext, input: { holdAfterDays?: number | null; smtp?: z.output<typeof smtpInput> | null }): DunningSettings {
  const before = dunningSettings(ctx);
  if (input.holdAfterDays !== undefined) {
    statement(ctx.sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(HOLD_AFTER_DAYS_SETTING, JSON.stringify(input.holdAfterDays));
  }
  if (input.smtp !== undefined) saveSmtpSettings(ctx.sqlite, input.smtp);
  const after = dunningSettings(ctx);
  // The password itself never reaches the audit log: only that one was set.
  const fields: Record<string, { before: unknown; after: unknown }> = {};
  if (before.holdAfterDays !== after.holdAfterDays) fields.holdAfterDays = { before: before.holdAfterDays, after: after.holdAfterDays };
  if (JSON.stringify(before.smtp) !== JSON.stringify(after.smtp) || input.smtp?.password !== undefined) fields.smtp = { before: before.smtp, after: after.smtp };
  ctx.audit({ entityType: 'settings', entityId: 'dunning', fields });
  return after;
}

/** Raises the day's reminders and reviews every credit hold the day may change. */
export function runDunning(ctx: HandlerContext, today: string): { asOf: string; reminders: number; held: number; released: number } {
  const reminders = raiseReminders(ctx, today);
  let held = 0;
  let released = 0;
  for (const customerId of customersToReview(ctx.sqlite, today)) {
    const event = reviewCreditHold(ctx, customerId, today);
    if (event?.action === 'hold') held += 1;
    if (event?.action === 'release') released += 1;
  }
  if (reminders + held + released > 0) {
    ctx.audit({ entityType: 'dunning_run', entityId: today, fields: { reminders: { before: null, after: reminders }, held: { before: null, after: held }, released: { before: null, after: released } } });
  }
  return { asOf: today, reminders, held, released };
}

export function creditHoldStatus(ctx: Pick<HandlerContext, 'sqlite'>, customerId: string, today: string): CreditHoldStatus {
  customerExists(ctx.sqlite, customerId);
  const hold = creditHoldOf(ctx.sqlite, customerId);
  return { customerId, onHold: hold.onHold, cause: hold.cause, reason: hold.reason, since: hold.since, overdueDays: overdueDaysOf(ctx.sqlite, customerId, today) };
}

/** A manager's hold or release, with the reason on the customer's timeline. */
export function setCreditHold(ctx: HandlerContext, input: { customerId: string; reason: string }, action: 'hold' | 'release', today: string): CreditHoldStatus {
  const current = creditHoldStatus(ctx, input.customerId, today);
  if (current.onHold === (action === 'hold')) {
    throw new AppError('CONFLICT', action === 'hold' ? 'The customer is on credit hold already' : 'The customer is not on credit hold', [
      fieldIssue('customerId', 'invalid_transition', { from: current.onHold ? 'hold' : 'release', to: action }),
    ]);
  }
  recordCreditHold(ctx, input.customerId, { action, cause: 'manual', reason: input.reason, overdueDays: current.overdueDays, today });
  return creditHoldStatus(ctx, input.customerId, today);
}
