import { defineArea } from '../area';
import { workbenchContract } from './workbench.contract';
import { findForPalette } from './workbench.palette';
import { workbenchOf } from './workbench.service';

/** 工作台: the home screen's cards, each added by the area whose records it counts, and the command palette's finders. */
export const workbenchArea = defineArea({
  name: 'workbench',
  contract: workbenchContract,
  handlers: { 'workbench.cards': (_input, ctx) => workbenchOf(ctx), 'workbench.find': (input, ctx) => findForPalette(ctx, input.q, input.limit) },
});
