import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { HandlerContext } from '../context';
import { businessDateIn } from '../core/dates';
import { getSettings } from '../settings/settings.service';
import type { PrintSheet } from './print.contract';

/**
 * A registered printable, read with the caller's rights: the area's read permission decides, so a
 * role that may not open a document may not print it either.
 */
export async function printDocument(ctx: HandlerContext, input: { kind: string; ref: string }): Promise<PrintSheet> {
  const source = ctx.areas.printables.find((candidate) => candidate.kind === input.kind || candidate.aliases?.includes(input.kind));
  if (!source) {
    const options = ctx.areas.printables.map((candidate) => candidate.kind).sort();
    throw new AppError('VALIDATION', `Nothing prints as ${input.kind}; printable kinds: ${options.join(', ')}`, [fieldIssue('kind', 'invalid_choice', { options })]);
  }
  if (source.permission !== 'signedIn' && !ctx.can(source.permission)) {
    throw new AppError('FORBIDDEN', `Printing a ${source.kind} needs permission ${source.permission}`);
  }
  const document = await source.load(ctx, input.ref);
  const settings = await getSettings(ctx.db);
  return {
    kind: source.kind,
    template: source.template ?? source.kind,
    company: {
      name: settings.companyName,
      address: settings.companyAddress,
      phone: settings.companyPhone,
      taxId: settings.companyTaxId,
      bank: settings.companyBank,
      bankAccount: settings.companyBankAccount,
    },
    printedOn: businessDateIn(settings.timeZone),
    document,
  };
}
