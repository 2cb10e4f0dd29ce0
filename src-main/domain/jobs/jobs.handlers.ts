import type { HandlersFor } from '../area';
import type { jobsContract } from './jobs.contract';

export function jobsHandlers(jobs: Map<string, AbortController>): HandlersFor<typeof jobsContract> {
  return {
    'jobs.cancel': async (input) => {
      const job = jobs.get(input.jobId);
      job?.abort();
      return { cancelled: Boolean(job) };
    },
  };
}
