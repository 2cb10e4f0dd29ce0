/**
 * The read-only, CPU-heavy half of a customer import: read the file, plan every row and, for the
 * import itself, work out new customers' pinyin and search text. With reader threads (the server,
 * the desktop app) it runs on one of them (`ctx.offThread`), so the thread serving calls only
 * publishes; without them (tests, the CLI) it runs here, paced by `checkpoint`.
 */
import type { z } from 'zod';
import type { HandlerContext } from '../context';
import { AppError, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import { chunked, movable, unchunked, type Chunked } from '../core/chunks';
import { toFieldDef } from '../customers/customers.fields';
import { listFieldDefs } from '../customers/customers.repository';
import { getSettings } from '../settings/settings.service';
import type { ImportTarget, importCustomersInput } from './imports.contract';
import { readSpreadsheet, type FileRecord } from './imports.file';
import { isKnownHeader, refuseDuplicateHeaders, suggestMapping } from './imports.headers';
import { planImport, type ImportPlan } from './imports.plan';
import { importFileBytes } from './imports.uploads';
import { prepareCreates, type PreparedCreate } from './imports.write';

type ImportInput = z.output<typeof importCustomersInput>;

export const PREPARE_TASK = 'imports.prepareCustomers';

const SAMPLE_ROWS = 20;

/** Lets a cancel request and progress events through between batches; a cancel rolls everything back. */
export async function checkpoint(ctx: HandlerContext, done: number, total: number, message: string): Promise<void> {
  ctx.progress(done, total, message);
  await new Promise((resolve) => setImmediate(resolve));
  if (ctx.signal.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was imported.');
}

/** What reading an import's file tells its preview, customers and products alike; F is what a column can map to. */
export interface ReadImportFile<F> {
  encoding: string;
  delimiter: string | null;
  headers: string[];
  headerRow: number;
  rowCount: number;
  sample: { row: number; cells: string[] }[];
  suggestedMapping: (F | null)[];
  mapping: (F | null)[];
}

export interface PreparedImport extends ReadImportFile<ImportTarget> {
  customFields: { key: string; label: string }[];
  plan: ImportPlan;
  /** New customers' pinyin and search text, in the order of `plan.creates`; empty for a preview. */
  prepared: PreparedCreate[];
}

/** What the task is given: the file's bytes (read on the writer's side, where uploads are kept) and the choices. */
interface PrepareTaskInput {
  fileName: string;
  bytes: Uint8Array;
  mapping: ImportInput['mapping'];
  onDuplicate: ImportInput['onDuplicate'];
  /** The import itself also works out pinyin and search text; the preview does not need them. */
  withCreates: boolean;
}

/** The plan's lists that cross back from a reader as JSON chunks (core/chunks.ts). */
const PLAN_LISTS = ['creates', 'updates', 'errors', 'duplicates', 'sameAsOnFile'] as const;

/** The same, as it crosses back: the rows as JSON chunks. */
type PreparedOnReader = Chunked<Omit<PreparedImport, 'plan'>, 'prepared'> & { plan: Chunked<ImportPlan, (typeof PLAN_LISTS)[number]> };

/** The header is the first of the first ten rows that names at least two known fields (a title line may sit above it). */
function headerIndex(records: FileRecord[]): number {
  const found = records.slice(0, 10).findIndex((r) => r.cells.filter(isKnownHeader).length >= 2);
  return found < 0 ? 0 : found;
}

async function prepareHere(input: PrepareTaskInput, ctx: HandlerContext): Promise<PreparedImport> {
  ctx.progress(0, 1, 'reading');
  const file = await readSpreadsheet(input.fileName, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  const at = headerIndex(file.records);
  const header = file.records[at];
  if (!header) throw validationError([fieldIssue('contentBase64', 'too_few', { min: 1 })]);
  const headers = header.cells.map((c) => c.trim());
  refuseDuplicateHeaders(headers, header.line);
  const records = file.records.slice(at + 1);
  const defs = (await listFieldDefs(ctx.db, false)).map(toFieldDef);
  const customFields = defs.map((d) => ({ key: d.key, label: d.label }));
  const suggestedMapping = suggestMapping(headers, customFields);
  const mapping = input.mapping ?? suggestedMapping;
  if (mapping.length !== headers.length) {
    throw validationError([fieldIssue('mapping', 'out_of_range', { min: headers.length, max: headers.length, got: mapping.length })]);
  }
  const settings = await getSettings(ctx.db);
  const plan = await planImport(records, headers, mapping, {
    sqlite: ctx.sqlite,
    requiredFields: settings.customerRequiredFields,
    onDuplicate: input.onDuplicate,
    customFields: defs,
    signal: ctx.signal,
    progress: (done, total) => checkpoint(ctx, done, total, 'checking'),
  });
  const prepared = input.withCreates ? await prepareCreates(plan, (done, total) => checkpoint(ctx, done, total, 'preparing')) : [];
  return {
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers,
    headerRow: header.line,
    rowCount: records.length,
    sample: records.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.line, cells: r.cells })),
    suggestedMapping,
    mapping,
    customFields,
    plan,
    prepared,
  };
}

/** The reader thread's side (imports.area.ts registers it). */
export async function prepareOnReader(input: unknown, ctx: HandlerContext): Promise<PreparedOnReader> {
  const { plan, ...rest } = await prepareHere(input as PrepareTaskInput, ctx);
  return { ...chunked(rest, ['prepared']), plan: chunked(plan, PLAN_LISTS) };
}

/**
 * Reads and plans the file an import names: on a reader thread when the backend has them (the bytes
 * are read here, where uploads are kept, and moved there), else in place.
 */
export async function prepareImport(input: ImportInput, ctx: HandlerContext, withCreates: boolean): Promise<PreparedImport> {
  const bytes = await importFileBytes(input, ctx.user?.id ?? null);
  const task: PrepareTaskInput = { fileName: input.fileName, bytes, mapping: input.mapping, onDuplicate: input.onDuplicate, withCreates };
  if (!ctx.offThread) return prepareHere(task, ctx);
  const own = movable(bytes);
  const { plan, ...rest } = await ctx.offThread<PreparedOnReader>(PREPARE_TASK, { ...task, bytes: own }, [own.buffer]);
  return { ...(await unchunked(rest, ['prepared'])), plan: await unchunked(plan, PLAN_LISTS) };
}
