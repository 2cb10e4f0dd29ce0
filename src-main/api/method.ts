import type { z } from 'zod';

/**
 * A method is declared once, in its area's contract. `Out` exists only as a type:
 * the backend is trusted to return it, the input is never trusted.
 */
export interface MethodSpec<In extends z.ZodTypeAny = z.ZodTypeAny, Out = unknown> {
  input: In;
  /** 'public' needs no login; 'signedIn' needs any user; otherwise a permission some area declares. */
  permission: string;
  mutates: boolean;
  /** Areas whose cached queries a successful call makes stale (defaults to the method's own area). */
  changes?: string[];
  /**
   * 'writer': a read that uses the caller's session or the backend's own state (sign-in status,
   * sign-out, cancelling a job) runs beside the session, not on a reader thread.
   */
  runsOn?: 'writer';
  /** Writes many rows at once (an import): the planner's statistics are refreshed once it commits. */
  bulkWrite?: boolean;
  /**
   * A long write (an import) prepares without holding the write connection, so interactive writes run
   * meanwhile, then writes in short transactions (`ctx.writeBatch`, ≤ ~100 ms each, interactive writes
   * get in between) and ends with `ctx.publish`, which holds the audit row (DESIGN §1).
   */
  publishesAtEnd?: boolean;
  readonly __output?: Out;
}

export function method<Out>() {
  return <In extends z.ZodTypeAny>(spec: Omit<MethodSpec<In, Out>, '__output'>): MethodSpec<In, Out> => spec;
}

export type MethodInput<M> = M extends MethodSpec<infer In, unknown> ? z.input<In> : never;
export type MethodParsedInput<M> = M extends MethodSpec<infer In, unknown> ? z.output<In> : never;
export type MethodOutput<M> = M extends MethodSpec<z.ZodTypeAny, infer Out> ? Out : never;
