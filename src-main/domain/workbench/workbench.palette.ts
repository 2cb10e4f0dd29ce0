/** The command palette's search: every registered area's finder the caller's role may use. */
import type { HandlerContext } from '../context';
import type { PaletteHit } from './workbench.contract';

/** Each finder's best `limit` hits, in the order the areas registered them (customers before orders). */
export async function findForPalette(ctx: HandlerContext, q: string, limit: number): Promise<PaletteHit[]> {
  const hits: PaletteHit[] = [];
  for (const finder of ctx.areas.finders) {
    if (ctx.can(finder.permission)) hits.push(...(await finder.find(ctx, q, limit)));
  }
  return hits;
}
