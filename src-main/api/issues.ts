/**
 * Field issues are data (DESIGN §2): a stable `code` and `params` that the renderer words in the
 * UI language, and an English `message` for logs and the CLI. zod's own issue codes map onto ours
 * here and nowhere else. Runtime-neutral: forms pre-check with the same mapping.
 */
import { z } from 'zod';
import { counted } from '../domain/core/english';

export const ISSUE_CODES = [
  'required',
  'unknown_field',
  'invalid_type',
  'invalid_format',
  'invalid_choice',
  'invalid_id',
  'invalid_date',
  'invalid_datetime',
  'invalid_mobile',
  'invalid_phone',
  'invalid_email',
  'invalid_postcode',
  'invalid_credit_code',
  'invalid_username',
  'invalid_time_zone',
  'invalid_currency',
  'invalid_amount',
  'not_integer',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'too_few',
  'too_many',
  'out_of_range',
  'duplicate',
  'taken',
  'not_found',
  'not_allowed',
  'one_primary_only',
  'one_default_only',
  'listed_twice',
  'merged_away',
  'wrong_password',
  'last_owner',
  'not_yourself',
  'reason_required',
  'subject_or_body',
  'options_required',
  'invalid_transition',
  'frozen',
  'unsupported_encoding',
  'duplicate_header',
  'too_many_rows',
  'too_many_columns',
  'cell_too_long',
  'file_too_large',
  'already_reversed',
  'reversal_of_reversal',
  'invalid_device_prefix',
  'device_prefix_set',
  'password_protected',
  'malformed_csv',
  'invalid_barcode',
  'archived',
  'not_stocked',
  'not_serial_tracked',
  'serial_count',
  'serial_not_in_stock',
  'serial_not_delivered',
  'same_warehouse',
  'has_stock',
  'default_warehouse',
  'count_open',
  'negative_stock',
  'busy',
  'in_use',
  'outside_folder',
  'file_exists',
  'live_database',
  'not_desk_erp_database',
  'damaged',
  'newer_version',
  'no_owner',
  'folder_missing',
  'not_absolute',
  'disk_full',
  'not_writable',
  'disk_error',
  'stock_short',
  'wrong_product',
  'already_picked',
  'not_picked',
  'over_credit_limit',
  'invoices_overdue',
  'on_credit_hold',
  'quote_expired',
  'open_deliveries',
  'nothing_to_invoice',
  'document_not_posted',
  'different_customer',
  'more_than_open',
  'more_than_creditable',
  'before_document_date',
  'has_allocations',
  'over_write_off_limit',
  'one_source_required',
  'period_locked',
  'already_exported',
  'not_leaf_account',
  'not_latest_closed',
  'account_mapped',
  'not_in_pool',
  'claim_limit',
  'smtp_not_set',
  'email_failed',
  'no_email_address',
  'not_due',
  'send_in_progress',
  'send_unconfirmed',
  'statement_pdf_failed',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];
export type IssueParams = Record<string, string | number | boolean | null | string[]>;

/** One problem with one field; `path` is the field's dotted path in the method's input (`contacts.1.mobile`). */
export interface FieldIssue {
  path: string;
  code: IssueCode;
  params?: IssueParams;
  /** English, for logs and the CLI; the UI words the code. */
  message: string;
}

const ENGLISH: Record<IssueCode, (p: IssueParams) => string> = {
  required: () => 'Required',
  unknown_field: () => 'Unknown field',
  invalid_type: (p) => `Expected ${String(p.expected ?? 'another type')}`,
  invalid_format: () => 'Not in the expected format',
  invalid_choice: (p) => `Not one of the choices${Array.isArray(p.options) ? ` (${p.options.join(', ')})` : ''}`,
  invalid_id: () => 'Not a valid id',
  invalid_date: () => 'A real calendar date as YYYY-MM-DD',
  invalid_datetime: () => 'A time such as 2026-11-23T09:30:00Z',
  invalid_mobile: () => 'Not a mainland mobile number: 11 digits starting with 13–19',
  invalid_phone: () => 'Not a phone number: a landline with area code (010-12345678), a 400/800 number or a mobile',
  invalid_email: () => 'Not an email address (name@example.com)',
  invalid_postcode: () => 'A postcode has 6 digits',
  invalid_credit_code: (p) => `Not a valid unified social credit code (${String(p.reason ?? 'check character')})`,
  invalid_username: () => 'Letters, digits, Chinese characters, _ . - only',
  invalid_time_zone: () => 'Unknown time zone',
  invalid_currency: () => 'A three-letter currency code such as CNY',
  invalid_amount: () => 'Not an amount of money',
  not_integer: () => 'A whole number',
  too_short: (p) => `At least ${counted(Number(p.min), 'character')}`,
  too_long: (p) => `At most ${counted(Number(p.max), 'character')}`,
  too_small: (p) => `At least ${String(p.min)}`,
  too_big: (p) => `At most ${String(p.max)}`,
  too_few: (p) => `At least ${counted(Number(p.min), 'item')}`,
  too_many: (p) => `At most ${counted(Number(p.max), 'item')}`,
  out_of_range: (p) => `Out of range${p.min !== undefined ? ` (${String(p.min)}–${String(p.max)})` : ''}`,
  duplicate: (p) => `Same ${String(p.matchedOn ?? 'value')} as ${String(p.code ?? '')} ${String(p.name ?? '')}`.trim(),
  taken: () => 'Already taken',
  not_found: (p) => `No such ${String(p.entity ?? 'record')}`,
  not_allowed: () => 'Not allowed',
  one_primary_only: () => 'Only one contact can be the primary contact',
  one_default_only: (p) => `Only one default ${String(p.kind ?? '')} address`.replace('  ', ' '),
  listed_twice: () => 'Appears twice',
  merged_away: () => 'Was merged into another record',
  wrong_password: () => 'The current password is wrong',
  last_owner: () => 'The company needs at least one active owner',
  not_yourself: () => 'You cannot do this to your own account',
  reason_required: () => 'Say why',
  subject_or_body: () => 'Write a subject or a note',
  options_required: () => 'Add at least one option',
  invalid_transition: (p) => `Cannot go from ${String(p.from)} to ${String(p.to)}`,
  frozen: (p) => `Cannot be changed once ${String(p.status ?? 'posted')}`,
  unsupported_encoding: (p) => `The file's encoding (${String(p.encoding)}) is not UTF-8, UTF-16, GBK or GB18030`,
  duplicate_header: (p) => `The header ${String(p.header)} appears twice`,
  too_many_rows: (p) => `More than ${counted(Number(p.max), 'row')}`,
  too_many_columns: (p) => `More than ${counted(Number(p.max), 'column')}`,
  cell_too_long: (p) => `A cell longer than ${counted(Number(p.max), 'character')}`,
  file_too_large: (p) => `Larger than ${String(p.max)}`,
  already_reversed: () => 'Already reversed',
  reversal_of_reversal: () => 'A reversing entry cannot itself be reversed; post the entry again',
  invalid_device_prefix: () => 'A device prefix is 1–4 capital letters or digits',
  device_prefix_set: (p) => `This desktop already numbers under prefix ${String(p.current)}`,
  password_protected: () => 'The workbook is password-protected',
  malformed_csv: (p) => `Line ${String(p.line)} cannot be read as CSV`,
  invalid_barcode: () => 'Not a barcode: 4–32 letters, digits or hyphens; an 8, 12, 13 or 14-digit code must end in its check digit',
  archived: (p) => `The ${String(p.entity ?? 'record')} is archived`,
  not_stocked: (p) => `${String(p.code ?? 'The product')} is not kept in stock`,
  not_serial_tracked: () => 'The product has no serial numbers',
  serial_count: (p) => `${counted(Number(p.expected), 'serial number')} needed, ${String(p.given)} given`,
  serial_not_in_stock: (p) => `Serial ${String(p.serial)} is not in stock in this warehouse`,
  serial_not_delivered: (p) => `Serial ${String(p.serial)} was not delivered${p.customer ? ' to this customer' : ''}`,
  same_warehouse: () => 'Goods cannot move to the warehouse they are in',
  has_stock: (p) => `Still holds ${String(p.onHand)} on hand and ${String(p.reserved)} reserved`,
  default_warehouse: () => 'There must be a default warehouse: make another one the default instead',
  count_open: (p) => `Count ${String(p.countNo)} is still open for this warehouse`,
  negative_stock: (p) => (p.count === 1 ? '1 product is below zero; bring it back first' : `${String(p.count)} products are below zero; bring them back first`),
  busy: () => 'Busy with other work; try again when it has finished',
  in_use: () => 'Another program has the database open',
  outside_folder: () => 'Not in the backup folder',
  file_exists: () => 'A file with this name already exists',
  live_database: () => 'This is the database in use',
  not_desk_erp_database: () => 'Not a Desk ERP database',
  damaged: () => 'The file is damaged',
  newer_version: () => 'Made by a newer version of Desk ERP',
  no_owner: () => 'Has no owner account (made before the company was set up)',
  folder_missing: () => 'The folder does not exist',
  not_absolute: () => 'A full path, such as D:\\Backups or /home/me/backups',
  disk_full: () => 'The disk is full',
  not_writable: () => 'Desk ERP may not write there',
  disk_error: () => 'The disk refused the write: it may be full, failing, or the file has reached a size limit',
  stock_short: (p) => `Line ${String(p.lineNo)} (${String(p.productCode)}): ${String(p.available)} available of ${String(p.quantity)}; choose back-order, a substitute or a later date`,
  wrong_product: (p) => `${String(p.productCode ?? p.code)} is not on this delivery`,
  already_picked: (p) => `All ${String(p.quantity)} of ${String(p.productCode)} are already picked`,
  not_picked: (p) => `${String(p.productCode)}: ${String(p.picked)} of ${String(p.quantity)} picked; pick the rest before posting`,
  over_credit_limit: (p) => `Over the credit limit: owes ${String(p.balance)} fen, this order ${String(p.orderTotal)} fen, limit ${String(p.limit)} fen`,
  invoices_overdue: (p) => `Invoices ${counted(Number(p.days), 'day')} overdue (more than ${String(p.allowed)} allowed)`,
  on_credit_hold: () => 'The customer is on credit hold',
  quote_expired: (p) => `The quote was valid until ${String(p.validUntil)}`,
  open_deliveries: (p) => `Delivery ${String(p.deliveryNo)} is still being picked; post or cancel it first`,
  nothing_to_invoice: () => 'Nothing left to invoice',
  document_not_posted: (p) => `${String(p.number ?? 'The document')} is ${String(p.status ?? 'not posted')}`,
  different_customer: (p) => `${String(p.number ?? 'It')} belongs to another customer`,
  more_than_open: (p) => `More than the ${String(p.open ?? '')} fen still open`.replace('  ', ' '),
  more_than_creditable: (p) => `The credit note (${String(p.amount)}) is more than the ${String(p.room)} still creditable on ${String(p.number)}`,
  before_document_date: (p) => `Cannot be dated before ${String(p.date)}`,
  has_allocations: () => 'Money is still allocated to it; reverse those allocations first',
  over_write_off_limit: (p) => `More than the write-off limit of ${String(p.limit)} fen; issue a credit note instead`,
  one_source_required: () => 'Give a receipt or a credit note, not both',
  period_locked: (p) => `The books are closed for ${p.period}; post it in ${p.firstOpen} or later`,
  already_exported: (p) => `These dates were exported ${counted(Number(p.count), 'time')} already, last on ${p.at}; confirm to export again`,
  not_leaf_account: (p) => `Account ${p.code} has sub-accounts; only a lowest-level account can carry amounts`,
  not_latest_closed: (p) => `Only the latest closed month (${p.period}) can be reopened`,
  account_mapped: (p) => `Account ${p.code} is mapped for ${p.role}; map the role to another leaf account first`,
  not_in_pool: () => 'Not in the public pool (any more): someone else may have claimed it',
  claim_limit: (p) => `At most ${counted(Number(p.limit), 'claim')} a day; ${String(p.claimed)} claimed today`,
  smtp_not_set: () => 'E-mail is not set up: fill in the SMTP settings first',
  email_failed: (p) => `The mail server did not take the message: ${String(p.detail ?? '')}`,
  no_email_address: () => 'The customer has no e-mail address: phone instead and mark the reminder done',
  not_due: (p) => `Already ${String(p.status ?? 'handled')}`,
  send_in_progress: (p) => `This reminder is being sent (since ${String(p.since)})`,
  send_unconfirmed: (p) => `A send started ${String(p.since)} never finished: it may have reached the customer; send again only if you mean to`,
  statement_pdf_failed: (p) => `The statement could not be attached: ${String(p.detail ?? '')}`,
};

export function issueMessage(code: IssueCode, params: IssueParams = {}): string {
  return ENGLISH[code](params);
}

/** An issue at a path, with its English message. */
export function fieldIssue(path: string, code: IssueCode, params?: IssueParams): FieldIssue {
  return params ? { path, code, params, message: issueMessage(code, params) } : { path, code, message: issueMessage(code) };
}

/** For zod's `.refine(check, issue('invalid_mobile'))` and `ctx.addIssue({ code: 'custom', ...issue(…) })`. */
export function issue(code: IssueCode, params: IssueParams = {}): { message: string; params: { issue: IssueCode } & IssueParams } {
  return { message: issueMessage(code, params), params: { ...params, issue: code } };
}

/** zod's issues as ours; an unknown key is reported at its own path, not at the object's. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((raw): FieldIssue[] => {
    const path = raw.path.join('.');
    switch (raw.code) {
      case z.ZodIssueCode.custom: {
        const { issue: code, ...params } = (raw.params ?? {}) as { issue?: IssueCode } & IssueParams;
        return [fieldIssue(path, code ?? 'invalid_format', Object.keys(params).length ? params : undefined)];
      }
      case z.ZodIssueCode.unrecognized_keys:
        return raw.keys.map((key) => fieldIssue(path ? `${path}.${key === '' ? '""' : key}` : key === '' ? '""' : key, 'unknown_field'));
      case z.ZodIssueCode.invalid_type:
        if (raw.received === 'undefined' || raw.received === 'null') return [fieldIssue(path, 'required')];
        if (raw.expected === 'integer') return [fieldIssue(path, 'not_integer')];
        return [fieldIssue(path, 'invalid_type', { expected: raw.expected })];
      case z.ZodIssueCode.too_small:
        if (raw.type === 'string') return [Number(raw.minimum) <= 1 ? fieldIssue(path, 'required') : fieldIssue(path, 'too_short', { min: Number(raw.minimum) })];
        if (raw.type === 'array' || raw.type === 'set') return [fieldIssue(path, 'too_few', { min: Number(raw.minimum) })];
        return [fieldIssue(path, 'too_small', { min: Number(raw.minimum) })];
      case z.ZodIssueCode.too_big:
        if (raw.type === 'string') return [fieldIssue(path, 'too_long', { max: Number(raw.maximum) })];
        if (raw.type === 'array' || raw.type === 'set') return [fieldIssue(path, 'too_many', { max: Number(raw.maximum) })];
        return [fieldIssue(path, 'too_big', { max: Number(raw.maximum) })];
      case z.ZodIssueCode.invalid_enum_value:
        return [fieldIssue(path, 'invalid_choice', { options: raw.options.map(String) })];
      case z.ZodIssueCode.invalid_literal:
        return [fieldIssue(path, 'invalid_choice', { options: [String(raw.expected)] })];
      case z.ZodIssueCode.invalid_string:
        if (raw.validation === 'email') return [fieldIssue(path, 'invalid_email')];
        if (raw.validation === 'uuid') return [fieldIssue(path, 'invalid_id')];
        if (raw.validation === 'datetime') return [fieldIssue(path, 'invalid_datetime')];
        if (raw.validation === 'date') return [fieldIssue(path, 'invalid_date')];
        return [fieldIssue(path, 'invalid_format')];
      case z.ZodIssueCode.invalid_date:
        return [fieldIssue(path, 'invalid_date')];
      case z.ZodIssueCode.not_finite:
      case z.ZodIssueCode.not_multiple_of:
        return [fieldIssue(path, 'not_integer')];
      default:
        return [fieldIssue(path, 'invalid_format')];
    }
  });
}
