import type { BankStatementLine, SuggestedAllocation } from '../../../src-main/domain/receivables/receivables.dto';

/** What the user decided for one statement line; starts as the suggestion. */
export interface LineDecision {
  include: boolean;
  customerId: string | null;
  customerLabel: string | null;
  allocations: SuggestedAllocation[];
}

/** A line that can be posted: it reads cleanly and was not imported before. */
export function importable(line: BankStatementLine): boolean {
  return line.problems.length === 0 && line.duplicateOf === null && line.date !== null && line.amount !== null;
}

export function firstDecisions(lines: BankStatementLine[]): Map<number, LineDecision> {
  return new Map(
    lines.map((line) => [
      line.line,
      {
        include: importable(line) && line.customer !== null,
        customerId: line.customer?.id ?? null,
        customerLabel: line.customer ? `${line.customer.name} · ${line.customer.code}` : null,
        allocations: line.allocations,
      },
    ]),
  );
}

/** The lines to send, in file order, as `receivables.importBankStatement` takes them. */
export function acceptedLines(lines: BankStatementLine[], decisions: Map<number, LineDecision>) {
  return lines.flatMap((line) => {
    const decision = decisions.get(line.line);
    if (!decision?.include || !decision.customerId || !importable(line)) return [];
    return [
      {
        line: line.line,
        date: line.date!,
        payer: line.payer,
        amount: line.amount!,
        reference: line.reference,
        memo: line.memo,
        customerId: decision.customerId,
        allocations: decision.allocations.map(({ invoiceId, amount }) => ({ invoiceId, amount })),
      },
    ];
  });
}

/** The statement column a refused field is shown under. */
const COLUMN_OF: Record<string, string> = { allocations: 'invoices', customerId: 'customer' };

export interface LineRefusal {
  /** A key of receivables.bankImport: date, amount, customer, invoices… */
  column: string;
  text: string;
}

/** A refusal's `lines.3.customerId` → the file line of the 4th line sent, and the column to blame. */
export function errorsByFileLine(errors: Record<string, string>, sent: { line: number }[]): Map<number, LineRefusal[]> {
  const byLine = new Map<number, LineRefusal[]>();
  for (const [path, text] of Object.entries(errors)) {
    const match = /^lines\.(\d+)\.(\w+)/.exec(path);
    const line = match ? sent[Number(match[1])]?.line : undefined;
    if (line === undefined) continue;
    byLine.set(line, [...(byLine.get(line) ?? []), { column: COLUMN_OF[match![2]!] ?? match![2]!, text }]);
  }
  return byLine;
}
