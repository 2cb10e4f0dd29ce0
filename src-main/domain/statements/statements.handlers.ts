import type { HandlersFor } from '../area';
import { assertCustomerVisible } from '../customers/customers.scope';
import { statementOfAccount } from './statement-of-account';
import type { statementsContract } from './statements.contract';
import { assertStatementVisible } from './statements.scope';
import { createStatement, getStatement, listStatements, markStatementSent, recordCustomerAnswer } from './statements.service';

export const statementsHandlers: HandlersFor<typeof statementsContract> = {
  'statements.preview': async (input, ctx) => (await assertCustomerVisible(ctx, input.customerId), statementOfAccount(ctx.sqlite, input)),
  'statements.create': async (input, ctx) => (await assertCustomerVisible(ctx, input.customerId), createStatement(ctx, input)),
  'statements.get': async (input, ctx) => (await assertStatementVisible(ctx, input.id), getStatement(ctx.sqlite, input.id)),
  'statements.list': async (input, ctx) => {
    if (input.filters.customerId) await assertCustomerVisible(ctx, input.filters.customerId);
    return listStatements(ctx, input.filters, input);
  },
  'statements.markSent': async (input, ctx) => (await assertStatementVisible(ctx, input.id), markStatementSent(ctx, input)),
  'statements.confirm': async (input, ctx) => (await assertStatementVisible(ctx, input.id), recordCustomerAnswer(ctx, input, 'confirmed')),
  'statements.dispute': async (input, ctx) => (await assertStatementVisible(ctx, input.id), recordCustomerAnswer(ctx, input, 'disputed')),
};
