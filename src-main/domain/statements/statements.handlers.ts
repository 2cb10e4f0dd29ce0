import type { HandlersFor } from '../area';
import { statementOfAccount } from './statement-of-account';
import type { statementsContract } from './statements.contract';
import { createStatement, getStatement, listStatements, markStatementSent, recordCustomerAnswer } from './statements.service';

export const statementsHandlers: HandlersFor<typeof statementsContract> = {
  'statements.preview': async (input, ctx) => statementOfAccount(ctx.sqlite, input),
  'statements.create': (input, ctx) => createStatement(ctx, input),
  'statements.get': async (input, ctx) => getStatement(ctx.sqlite, input.id),
  'statements.list': (input, ctx) => listStatements(ctx, input.filters, input),
  'statements.markSent': (input, ctx) => markStatementSent(ctx, input),
  'statements.confirm': (input, ctx) => recordCustomerAnswer(ctx, input, 'confirmed'),
  'statements.dispute': (input, ctx) => recordCustomerAnswer(ctx, input, 'disputed'),
};
