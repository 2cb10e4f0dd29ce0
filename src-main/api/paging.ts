import { z } from 'zod';

/** Past this no list has rows; a bound also keeps the offset (page × pageSize) an exact integer SQLite accepts. */
export const MAX_PAGE = 1_000_000;
export const MAX_PAGE_SIZE = 200;

/** The one list shape (DESIGN §2): paged on the server, `{ rows, total, totalIsExact }` out. */
export const pageFields = {
  page: z.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
};

export interface Page<T> {
  rows: T[];
  /** The rows there are to page through; when not exact, at least this many match ("约 10,000+ 条"). */
  total: number;
  /** False when counting every match would walk the table: the count stopped at `total`. */
  totalIsExact: boolean;
}

/** Where a capped count stops: past this a list says "10,000+" instead of walking the table. */
export const COUNT_CAP = 10_000;

/** An id the caller picks for a long job, so it can follow progress events and cancel it. */
export const jobIdField = z.string().min(8).max(64).optional();
