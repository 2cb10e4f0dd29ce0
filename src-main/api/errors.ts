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
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field; `path` is dotted (`contacts.1.mobile`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/** Thrown inside services; `dispatch` turns it into the result envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function validationError(issues: FieldIssue[]): AppError {
  const summary = issues.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ');
  return new AppError('VALIDATION', summary, issues);
}

export function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} does not exist`);
}
