import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { HandlerContext } from '../context';
import type { PrintableDocument } from '../core/document';
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
  return printDocumentSheet(ctx, { kind: source.kind, template: source.template ?? source.kind }, await source.load(ctx, input.ref));
}

/** A document under the company's letterhead, for a template to lay out (also one not saved, e.g. a statement for a reminder). */
export async function printDocumentSheet(ctx: Pick<HandlerContext, 'db'>, as: { kind: string; template: string }, document: PrintableDocument): Promise<PrintSheet> {
  const settings = await getSettings(ctx.db);
  return {
    kind: as.kind,
    template: as.template,
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
