/** One row per screen: the product through dispatch and over HTTP, beside its own SQL replayed and the best SQL we know. */
import { captureStatements, replayer, statementCount, type CapturedStatement } from './capture';
import { measured, time, type BenchContext, type BenchRow, type Goal } from './measure';

export interface ScreenSpec {
  area: string;
  what: string;
  /** The calls the screen makes for sample k (one for most; the old 360° view made three). */
  calls: (k: number) => [method: string, input: unknown][];
  samples: number;
  overHttp: boolean;
  best?: { label: string; run: (k: number) => unknown };
  goal?: Goal;
  /** A goal checked by eye, where it is not a p95 bound. */
  goalText?: string;
}

export async function measureScreen(ctx: BenchContext, spec: ScreenSpec): Promise<BenchRow> {
  const product = await ctx.product();
  const sqlite = product.backend.conn.sqlite;
  return measured(async () => {
    const captured: CapturedStatement[][] = [];
    for (let k = 0; k < spec.samples; k++) {
      captured.push(await captureStatements(sqlite, async () => {
        for (const [method, input] of spec.calls(k)) await product.call(method, input);
      }));
    }
    const each = (send: (method: string, input: unknown) => Promise<unknown>) => async (i: number) => {
      for (const [method, input] of spec.calls(i % spec.samples)) await send(method, input);
    };
    const dispatch = await time(ctx.runs, each(product.call));
    const http = spec.overHttp ? await time(ctx.runs, each(product.post)) : undefined;
    const productSql = await time(ctx.runs, replayer(sqlite, captured));
    const best = spec.best ? await time(ctx.runs, (i) => spec.best!.run(i % spec.samples)) : undefined;
    return {
      area: spec.area,
      what: `${spec.what} (${statementCount(captured)} statements)`,
      dispatch,
      ...(http ? { http } : {}),
      productSql,
      ...(best ? { bestSql: best, bestSqlLabel: spec.best!.label } : {}),
      ...(spec.goal ? { goal: spec.goal } : {}),
      ...(spec.goalText ? { goalText: spec.goalText } : {}),
      unit: 'ms' as const,
    };
  });
}
