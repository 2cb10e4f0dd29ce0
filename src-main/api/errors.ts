import type { FieldIssue } from './issues';

export type { FieldIssue } from './issues';

/** The closed set of error codes every transport understands (DESIGN §2). */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'CREDIT_LIMIT',
  'INSUFFICIENT_STOCK',
  'PERIOD_LOCKED',
  'CANCELLED',
  'STORAGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A record the caller's input collides with, so a form can show it without asking again. */
export interface DuplicateDetail {
  id: string;
  code: string;
  name: string;
  status: 'active' | 'archived';
  matchedOn: 'creditCode' | 'mobile' | 'name';
  /** The normalised value both share. */
  value: string;
}

/** Typed facts that come with some errors (DESIGN §2: errors are data). */
export interface ErrorDetails {
  duplicates?: DuplicateDetail[];
  /** Customers that stop an import being undone (the first few codes and how many there are). */
  blockingCustomers?: { reason: 'documents' | 'edited'; codes: string[]; count: number };
  /** Products that stop a product import being undone, the same way. */
  blockingProducts?: { reason: 'documents' | 'edited'; codes: string[]; count: number };
  /** An INTERNAL error's line in the log file, for the owner to quote when asking for help. */
  reference?: string;
}

export interface ApiError {
  code: ErrorCode;
  /** English, for logs and the CLI; the UI words the code, the issues and the details. */
  message: string;
  issues?: FieldIssue[];
  details?: ErrorDetails;
}

/** Thrown inside services; `dispatch` turns it into the result envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}), ...(this.details ? { details: this.details } : {}) };
  }
}

export function validationError(issues: FieldIssue[]): AppError {
  const summary = issues.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ');
  return new AppError('VALIDATION', summary, issues);
}

export function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} does not exist`);
}
