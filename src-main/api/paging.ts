import { z } from 'zod';

/** The one list shape (DESIGN §2): paged on the server, `{ rows, total }` out. */
export const pageFields = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

export interface Page<T> {
  rows: T[];
  total: number;
}

/** An id the caller picks for a long job, so it can follow progress events and cancel it. */
export const jobIdField = z.string().min(8).max(64).optional();
