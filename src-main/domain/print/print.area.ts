import { defineArea } from '../area';
import { printContract } from './print.contract';
import { printHandlers } from './print.handlers';
import { SAMPLE_PRINTABLES } from './print.samples';

/** 打印: one way to print any registered document, with the company's letterhead; the areas register what they print. */
export const printArea = defineArea({
  name: 'print',
  contract: printContract,
  handlers: printHandlers,
  printables: SAMPLE_PRINTABLES,
});
