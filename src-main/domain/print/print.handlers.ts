import type { HandlersFor } from '../area';
import type { printContract } from './print.contract';
import { printDocument } from './print.service';

export const printHandlers: HandlersFor<typeof printContract> = {
  'print.document': (input, ctx) => printDocument(ctx, input),
};
