import type { Handler } from '../../api/dispatch';
import type { jobsContract } from './jobs.contract';

export function jobsHandlers(jobs: Map<string, AbortController>): { [M in keyof typeof jobsContract]: Handler<M> } {
  return {
    'jobs.cancel': async (input) => {
      const job = jobs.get(input.jobId);
      job?.abort();
      return { cancelled: Boolean(job) };
    },
  };
}
