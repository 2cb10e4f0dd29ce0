/**
 * A throwaway area, registered only by registry.test.ts: proof that an area is its own folder and
 * one line in a list, with no edit to any central file.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { defineArea } from '../../domain/area';

const notesContract = {
  'notes.echo': method<{ text: string; by: string }>()({
    input: z.object({ text: z.string().min(1).max(20) }).strict(),
    permission: 'notes.use',
    mutates: false,
  }),
};

export const notesArea = defineArea({
  name: 'notes',
  contract: notesContract,
  handlers: {
    'notes.echo': async (input, ctx) => ({ text: input.text.toUpperCase(), by: ctx.user!.username }),
  },
  permissions: { 'notes.use': ['owner', 'sales'] },
  checks: [{ name: 'notes are fine', run: () => [] }],
});
