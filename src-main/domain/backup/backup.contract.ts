import { z } from 'zod';
import { method } from '../../api/method';

export const backupContract = {
  'backup.create': method<{ file: string; bytes: number }>()({
    input: z.object({ out: z.string().min(1).max(1024).optional() }).strict(),
    permission: 'backup.run',
    mutates: false,
  }),
};
