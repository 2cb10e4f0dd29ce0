import { z } from 'zod';
import { method } from '../../api/method';

/** Long work (imports, exports, backups) is cancelled by the jobId its caller chose. */
export const jobsContract = {
  'jobs.cancel': method<{ cancelled: boolean }>()({
    input: z.object({ jobId: z.string().min(8).max(64) }).strict(),
    permission: 'signedIn',
    mutates: false,
    runsOn: 'writer',
  }),
};
