/**
 * The imports area's API: customers (导入客户) and products (导入商品) from CSV/XLSX.
 * Runtime-neutral; the import screens import the field lists and the DTO types.
 */
import { z } from 'zod';
import type { IssueCode, IssueParams } from '../../api/issues';
import { method } from '../../api/method';
import { jobIdField, pageFields, type Page } from '../../api/paging';

/** What a file column can be imported as; `custom.<key>` names a custom field besides these. */
export const IMPORT_FIELDS = [
  'code',
  'name',
  'shortName',
  'kind',
  'creditCode',
  'mobile',
  'phone',
  'email',
  'province',
  'city',
  'district',
  'industry',
  'size',
  'source',
  'tier',
  'owner',
  'tags',
  'creditLimit',
  'paymentTermsDays',
  'cooperationSince',
  'birthday',
  'invoiceTitle',
  'taxpayerId',
  'bankName',
  'bankAccount',
  'registeredAddress',
  'registeredPhone',
  'notes',
  'contactName',
  'contactTitle',
  'contactMobile',
  'contactPhone',
  'contactEmail',
  'contactWechat',
  'contactBirthday',
  'addressDetail',
  'postcode',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];
/** A built-in field or a custom field by key. */
export type ImportTarget = ImportField | `custom.${string}`;

export const CUSTOM_TARGET = /^custom\.[a-z][a-zA-Z0-9_]{0,39}$/;

/** One cap for every way a file arrives: base64 inside the call (desktop, CLI) or uploaded first (browser, `POST /api/uploads`). */
export const MAX_IMPORT_BYTES = 45 * 1024 * 1024;

const importTarget = z.union([
  z.enum(IMPORT_FIELDS),
  z.custom<`custom.${string}`>((v) => typeof v === 'string' && CUSTOM_TARGET.test(v), 'A customer field or custom.<key>'),
]);

const fileFields = {
  fileName: z.string().trim().min(1, 'The file name is required').max(255),
  /** The file itself (desktop, CLI)… */
  contentBase64: z.string().min(1, 'The file is empty').max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'The file is larger than 45 MB; split it into smaller files').optional(),
  /** …or the id `POST /api/uploads` answered (browser); exactly one of the two. */
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not an upload id').optional(),
  /** One entry per file column (null = not imported); without it the suggested mapping is used. */
  mapping: z.array(importTarget.nullable()).max(500).optional(),
  strict: z.boolean().default(false),
  jobId: jobIdField,
};

export const importCustomersInput = z
  .object({
    ...fileFields,
    /** A row that is a customer already on file (same credit code or company name): update it with the row's cells, or leave it as it is. */
    onDuplicate: z.enum(['update', 'skip']).default('update'),
  })
  .strict();

/** Why a row is refused; `code` lets the screen say it in the user's language, `message` is English. */
export const ROW_ERROR_CODES = [
  'required',
  'tooLong',
  'mobile',
  'phone',
  'email',
  'creditCode',
  'date',
  'number',
  'money',
  'days',
  'postcode',
  'kind',
  'size',
  'choice',
  'owner',
  'contactName',
  'duplicateCode',
  'duplicateCreditCode',
  'sameCustomerTwice',
  'codeCreditMismatch',
  'creditCodeTaken',
  'merged',
  'tag',
  'customField',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface RowError {
  /** Line of the file where the row starts (the header is line 1; a cell with line breaks spans several). */
  row: number;
  /** The import field (`contactMobile`, `custom.grade`) or '' for the row as a whole. */
  field: string;
  message: string;
  code: RowErrorCode;
  /** The file's column header for that field, and the value found there. */
  column?: string;
  value?: string;
  /** Numbers and names the message refers to (maximum length, the other line, the other customer). */
  params?: Record<string, string | number>;
}

export interface DuplicateHit {
  reason: 'mobile' | 'name' | 'creditCode';
  value: string;
  /** An existing customer… */
  customer?: { id: string; code: string; name: string };
  /** …or an earlier line of the same file. */
  row?: number;
}

/** A row that names a customer already on file: not a possible duplicate but the same customer. */
export interface SameAsOnFile {
  row: number;
  reason: 'creditCode' | 'name';
  /** What the file says (its company name or credit code), so the user sees why it is that customer. */
  value: string;
  customer: { id: string; code: string; name: string };
  /** What the import does (or, in a preview, would do) with the row. */
  action: 'update' | 'skip';
}

export interface ImportDuplicate {
  row: number;
  matches: DuplicateHit[];
}

export interface ImportCounts {
  /** New customers created (or, in a preview, to create). */
  imported: number;
  /** Existing customers (matched by code or credit code) changed. */
  updated: number;
  /** Matched rows whose values are already in the database. */
  unchanged: number;
  /** Rows left out because of an error (in strict mode with errors: every row). */
  skipped: number;
  errors: RowError[];
  duplicates: ImportDuplicate[];
  sameAsOnFile: SameAsOnFile[];
}

export interface ImportPreview extends ImportCounts {
  fileName: string;
  /** utf-8, utf-8-bom, utf-16le, gbk, gb18030 or xlsx. */
  encoding: string;
  /** ',', '\t' or ';' for CSV; null for XLSX. */
  delimiter: string | null;
  headers: string[];
  /** The line of the header row (1 unless the file starts with a title). */
  headerRow: number;
  suggestedMapping: (ImportTarget | null)[];
  /** The mapping this preview used. */
  mapping: (ImportTarget | null)[];
  /** Data rows in the file (blank lines not counted). */
  rowCount: number;
  toCreate: number;
  toUpdate: number;
  /** The first rows as in the file, for the mapping screen. */
  sample: { row: number; cells: string[] }[];
  /** Custom fields the file could be mapped to. */
  customFields: { key: string; label: string }[];
}

export type ImportResult = ImportCounts & {
  fileName: string;
  rowCount: number;
  /** The import in the history (imports.customerHistory), to undo it as a whole; absent when nothing was published. */
  importId?: string;
};

/** What a column of a product file can be imported as. */
export const PRODUCT_IMPORT_FIELDS = [
  'code',
  'name',
  'spec',
  'category',
  'unit',
  'secondUnit',
  'secondUnitFactor',
  'barcode',
  'vatRate',
  'listPrice',
  'standardCost',
  'isStocked',
  'isService',
  'isSparePart',
  'isConsumable',
  'isSerialTracked',
  'reorderIntervalDays',
  'notes',
] as const;
export type ProductImportField = (typeof PRODUCT_IMPORT_FIELDS)[number];

export const importProductsInput = z
  .object({ ...fileFields, mapping: z.array(z.enum(PRODUCT_IMPORT_FIELDS).nullable()).max(500).optional() })
  .strict();

/** Why a product row is refused, as a field issue code the screens already word (issues.codes.*). */
export interface ProductRowError {
  /** Line of the file where the row starts (the header is line 1). */
  row: number;
  /** The import field, or '' for the row as a whole. */
  field: ProductImportField | '';
  code: IssueCode;
  params?: IssueParams;
  message: string;
  column?: string;
  value?: string;
}

export interface ProductImportCounts {
  /** New products created (in a preview: to create). */
  imported: number;
  /** Existing products (matched by code) changed. */
  updated: number;
  /** Matched rows whose values are already in the catalog. */
  unchanged: number;
  /** Rows left out because of an error (strict mode with errors: every row). */
  skipped: number;
  /** Category paths (饮料/咖啡) the file names that do not exist yet and are created. */
  newCategories: string[];
  errors: ProductRowError[];
}

export interface ProductImportPreview extends ProductImportCounts {
  fileName: string;
  encoding: string;
  delimiter: string | null;
  headers: string[];
  headerRow: number;
  suggestedMapping: (ProductImportField | null)[];
  mapping: (ProductImportField | null)[];
  rowCount: number;
  sample: { row: number; cells: string[] }[];
}

export type ProductImportResult = ProductImportCounts & {
  fileName: string;
  rowCount: number;
  /** The import's record (for 撤销导入), when it wrote; absent when strict mode refused the file. */
  importId?: string;
};

/** One customer import in the history (导入记录), newest first. */
export interface CustomerImportRecord {
  id: string;
  fileName: string;
  /** publishing: 正在写入 (its rows are landing, or a crash cut it off: the next import takes it back). */
  status: 'publishing' | 'published' | 'cancelled' | 'failed' | 'undone';
  userName: string | null;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  /** Customers it created (an undo removes them) and updated (an undo restores them). */
  created: number;
  updated: number;
}

/** One product import in the history, as a customer import's. */
export type ProductImportRecord = CustomerImportRecord;

export interface CustomerImportUndoResult {
  removed: number;
  restored: number;
  /** Codes of customers something came to refer to during the undo; they and the import stay. */
  kept: string[];
}

export type ProductImportUndoResult = CustomerImportUndoResult;

export const customerImportHistoryInput = z.object({ ...pageFields }).strict();
export const undoCustomerImportInput = z.object({ importId: z.string().trim().min(1).max(64), jobId: jobIdField }).strict();

export const importsContract = {
  /**
   * A dry run: reads the file, suggests the column mapping and reports what an import would do. Runs
   * beside the writer because a browser's upload is kept by that process's upload store.
   */
  'imports.previewCustomers': method<ImportPreview>()({ input: importCustomersInput, permission: 'customers.import', mutates: false, runsOn: 'writer' }),
  /** Imports the valid rows (strict: nothing when any row has an error), published at the end in short transactions. */
  'imports.customers': method<ImportResult>()({ input: importCustomersInput, permission: 'customers.import', mutates: true, changes: ['customers', 'imports'], bulkWrite: true, publishesAtEnd: true }),
  /** The customer imports, newest first, with what each created and updated. */
  'imports.customerHistory': method<Page<CustomerImportRecord>>()({ input: customerImportHistoryInput, permission: 'customers.import', mutates: false }),
  /**
   * 撤销导入: removes the customers a finished import created and restores those it updated; refused,
   * changing nothing, when any of them has documents or was edited since (the user sees to those first).
   */
  /**
   * Takes back every customer and product import a crash cut off while it published (run when the
   * backend starts, and again before each import of that kind): in short transactions, as a cancel would.
   */
  'imports.takeBackCutOff': method<{ takenBack: number }>()({ input: z.object({}).strict(), permission: 'customers.import', mutates: true, changes: ['customers', 'catalog', 'imports'], publishesAtEnd: true }),
  'imports.undoCustomers': method<CustomerImportUndoResult>()({ input: undoCustomerImportInput, permission: 'customers.import', mutates: true, changes: ['customers', 'imports'], bulkWrite: true, publishesAtEnd: true }),
  /** A dry run of a product file (商品档案): the mapping, what would be created or changed, and every row's errors. */
  'imports.previewProducts': method<ProductImportPreview>()({ input: importProductsInput, permission: 'catalog.write', mutates: false, runsOn: 'writer' }),
  /** Creates new products and updates those matched by code; list prices and costs also need catalog.prices. */
  'imports.products': method<ProductImportResult>()({ input: importProductsInput, permission: 'catalog.write', mutates: true, changes: ['catalog', 'imports'], bulkWrite: true, publishesAtEnd: true }),
  /** The product imports, newest first, with what each created and updated. */
  'imports.productHistory': method<Page<ProductImportRecord>>()({ input: customerImportHistoryInput, permission: 'catalog.write', mutates: false }),
  /**
   * 撤销导入 of a finished product import: removes the products and categories it created and restores
   * those it updated; refused, changing nothing, when any of them has documents or was edited since.
   */
  'imports.undoProducts': method<ProductImportUndoResult>()({ input: undoCustomerImportInput, permission: 'catalog.write', mutates: true, changes: ['catalog', 'imports'], bulkWrite: true, publishesAtEnd: true }),
};
