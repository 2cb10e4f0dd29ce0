/**
 * An area (DESIGN §2) is one module that registers itself: its `<area>.area.ts` declares everything
 * it adds to the whole, and the composition root (`areas.ts`) lists it once.
 */
import type { RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Connection } from '../db/connection';
import type { MethodSpec } from '../api/method';
import type { Role } from '../api/permissions';
import type { SessionUser, Transport } from '../api/session';
import type { SeededRandom } from '../seed/random';
import type { CheckResult, InvariantCheck } from './checks/invariants';
import type { PrintableDocument } from './core/document';
import type { SeriesDefinition } from './core/numbering';
import type { HandlerContext } from './context';
import type { PaletteHit, WorkbenchCard } from './workbench/workbench.contract';

export type ContractPart = Record<string, MethodSpec>;

export type HandlerFor<S> = S extends MethodSpec<infer In, infer Out> ? (input: z.output<In>, ctx: HandlerContext) => Promise<Out> : never;
export type HandlersFor<C extends ContractPart> = { [M in keyof C]: HandlerFor<C[M]> };

/** What the running backend gives an area whose handlers need more than the call's context. */
export interface BackendEnv {
  /** The database file (':memory:' in tests). */
  file: string;
  /** Long jobs that can be cancelled, by the jobId their caller chose. */
  jobs: Map<string, AbortController>;
  /** What a running backend offers for its own upkeep (backups, restore, diagnostics); absent when only the contract is needed. */
  maintenance?: BackendMaintenance;
}

export interface RestoreOptions {
  /** Settings of this machine rather than of the data (where backups go): the restored database keeps the current values. */
  keepSettings?: readonly string[];
}

export interface BackendMaintenance {
  /**
   * Replaces the database with a backup file: the backend closes its connection once no other call
   * is running, restores (refused while another process has the database open) and opens it again.
   */
  restore(backupFile: string, by: { user: SessionUser | null; transport: Transport }, options?: RestoreOptions): Promise<{ previous: string | null }>;
  /** Every invariant of the registered areas (`cli check`). */
  checkInvariants(): CheckResult[];
  /** The log file unexpected errors go to, if any. */
  logFile: string | null;
}


/**
 * One source of entries on a customer's timeline: a SELECT with the timeline's columns whose only
 * parameter is the customer id (the union is compiled once and prepared; customers.engagement.ts).
 */
export type TimelineSource = (customerId: string) => RawBuilder<unknown>;

/** A figure on the customer's 360° view, from the documents of the area that adds it. */
export interface CustomerFigure {
  key: string;
  kind: 'money' | 'count' | 'date' | 'points' | 'text';
  value: number | string | null;
}

/** The figures the 360° header shows when the receivables area supplies them (absent without it). */
export const RECEIVABLES_FIGURES = { amountOwed: 'receivables.amountOwed', overdue: 'receivables.overdue' } as const;

/** What a figure source reads with: the call's connection and the company's business date. */
export interface CustomerFiguresContext extends Pick<HandlerContext, 'db' | 'sqlite'> {
  /** Today in the company's time zone: what is overdue depends on it. */
  today: string;
}

/** An area's figures for the 360° view; it declares their keys so a view runs only the sources of the figures it shows. */
export interface CustomerFiguresSource {
  keys: readonly string[];
  read(ctx: CustomerFiguresContext, customerId: string): Promise<CustomerFigure[]>;
}

/** Whose figures a card counts: a salesperson's own records, or (owner, manager) everyone's. */
export interface WorkbenchScope {
  /** Set when the caller sees only their own records. */
  ownerUserId: string | undefined;
  userId: string;
  /** The company's business date and zone. */
  today: string;
  timeZone: string;
}

/** A card an area puts on the workbench (工作台); `load` returns null when it has nothing to say. */
export interface WorkbenchCardSource {
  key: string;
  permission: string;
  /** Cards about the whole team (activity per salesperson) leave out a salesperson's view. */
  team?: boolean;
  /** `ctx.dataScope()` narrows to the customers the caller may see, as the linked lists do. */
  load(ctx: Pick<HandlerContext, 'db' | 'sqlite' | 'dataScope'>, scope: WorkbenchScope): Promise<WorkbenchCard | null>;
}

export type { PaletteHit };

/**
 * What an area's records look like in the command palette (workbench.find): `find` runs only for a
 * caller whose role holds `permission`, and keeps to `ctx.dataScope()` as the area's lists do.
 */
export interface PaletteFinder {
  kind: string;
  permission: string;
  find(ctx: Pick<HandlerContext, 'db' | 'user' | 'dataScope'>, query: string, limit: number): Promise<PaletteHit[]>;
}

/**
 * Something an area can print (a 送货单 of a delivery, the 拣货单 of an order): `print.document`
 * finds the source by `kind`, checks `permission`, and `load` reads the document as print
 * templates consume it, from core/document's `printable()`.
 *
 * An area registers its own, with no edit to the print area, e.g. in orders.area.ts:
 *
 *   printables: [
 *     { kind: 'order_confirmation', aliases: ['order'], permission: 'orders.read',
 *       load: (ctx, ref) => printableOrder(ctx, ref) },        // its service: printable({ kind, header, fields, … })
 *     { kind: 'pick_list', permission: 'orders.read', load: (ctx, ref) => printablePickList(ctx, ref) },
 *   ]
 *
 * `fields` are print.fields.* labels (src-renderer/print/messages.*.ts; add one there for a new
 * label). The screen's 打印 button opens `#/print/<kind>/<number>`; the CLI runs
 * `print order SO-2026-000001 --out order.pdf`. Templates: print.contract's LINE_DOCUMENT_TEMPLATES.
 */
export interface PrintableSource {
  /** The name the print route, the CLI and the 打印 buttons use: 'delivery_note'. */
  kind: string;
  /** Shorter names the CLI accepts too (`print order SO-…` for order_confirmation). */
  aliases?: readonly string[];
  /** The renderer's template that lays it out (src-renderer/print/templates.ts); defaults to `kind`. */
  template?: string;
  /** Reading the document it prints: the area's own read permission (or 'signedIn'). */
  permission: string;
  /** The document by its id or its number (DN-2026-000001); NOT_FOUND when there is none. */
  load(ctx: HandlerContext, ref: string): Promise<PrintableDocument> | PrintableDocument;
}

export interface SeedOptions {
  scale: 'small' | 'medium' | 'large';
  random: SeededRandom;
  /** The demo staff, sales people first. */
  staffIds: string[];
  /** The demo's today, taken once: every step dates its records up to it, so a seed that runs past midnight stays one book. */
  asOf: string;
}

/** The area's step of the demo seeder; returns how many main records it made. */
export interface SeedStep {
  /** Steps run in ascending order: customers (10) before the leads (20) and orders that point at them. */
  order: number;
  /** What the seed summary calls the count; the area's name when absent. */
  name?: string;
  run(conn: Connection, options: SeedOptions): Promise<number> | number;
}

/** What every area gives the other areas to plug into. */
export interface AreaExtensions {
  customerTimeline: TimelineSource[];
  customerFigures: CustomerFiguresSource[];
  finders: PaletteFinder[];
  series: SeriesDefinition[];
  printables: PrintableSource[];
  workbenchCards: WorkbenchCardSource[];
}

export interface AreaDefinition<C extends ContractPart = ContractPart, P extends string = string> {
  /** The prefix of every method the area declares (`customers` for `customers.list`). */
  name: string;
  contract: C;
  handlers: HandlersFor<C> | ((env: BackendEnv) => HandlersFor<C>);
  /** The permissions this area introduces and the roles that hold each (DESIGN §4). */
  permissions?: Record<P, readonly Role[]>;
  /** Number series the area issues from (`SO-2026-000123`); its services pass them to core/numbering. */
  series?: readonly SeriesDefinition[];
  /** Invariants `cli check` runs: every summary recomputed from its ledger. */
  checks?: readonly InvariantCheck[];
  /** One step, or several when part of the area's demo data follows another area's (stage history after orders). */
  seed?: SeedStep | readonly SeedStep[];
  customerTimeline?: readonly TimelineSource[];
  customerFigures?: readonly CustomerFiguresSource[];
  finders?: readonly PaletteFinder[];
  /** Documents the area prints (quotation, 送货单 …), found by kind through `print.document`. */
  printables?: readonly PrintableSource[];
  /** Cards the area adds to the workbench, in the order they appear. */
  workbenchCards?: readonly WorkbenchCardSource[];
  /** Methods run once per business day as the local administrator (e.g. lifecycle recompute). */
  dailyJobs?: readonly string[];
  /**
   * Methods run once when a serving backend (the server, the desktop app) starts, as the local
   * administrator, before the daily jobs: recovery of work a crash cut off.
   */
  startJobs?: readonly string[];
  /**
   * CPU-heavy read-only steps a handler hands to a reader thread through `ctx.offThread(name, input)`;
   * each name starts with the area's prefix. They run with a reader's context (read-only connection).
   */
  tasks?: Readonly<Record<string, AreaTask>>;
}

/** A step run on a reader thread; its input and result cross threads by structured clone. */
export type AreaTask = (input: unknown, ctx: HandlerContext) => Promise<unknown>;

/** Keeps the literal method names and permission names, so the merged contract stays typed. */
export function defineArea<C extends ContractPart, P extends string = never>(definition: AreaDefinition<C, P>): AreaDefinition<C, P> {
  return definition;
}
