import { defineArea } from '../area';
import { jobsContract } from './jobs.contract';
import { jobsHandlers } from './jobs.handlers';

/** Cancelling long work (imports, exports, backups) by the jobId its caller chose. */
export const jobsArea = defineArea({
  name: 'jobs',
  contract: jobsContract,
  handlers: (env) => jobsHandlers(env.jobs),
});
