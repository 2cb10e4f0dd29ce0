import { businessDateIn } from '../domain/core/dates';
import { getCompany, readSetting, writeSetting } from '../domain/settings/settings.repository';
import { localAdmin } from '../domain/users/local-admin';
import type { RunningBackend } from './backend';

const LAST_RUN_KEY = 'dailyJobs.lastRun';

/** Runs today's jobs unless they already ran on this business date; returns whether it ran them. */
export async function runDailyJobs(backend: RunningBackend, now = new Date()): Promise<boolean> {
  const company = await getCompany(backend.conn.db);
  if (!company) return false;
  const today = businessDateIn(company.time_zone, now);
  if ((await readSetting<string | null>(backend.conn.db, LAST_RUN_KEY, null)) === today) return false;
  const session = { user: localAdmin(backend.conn) };
  // Work the business expects once a day (the areas' dailyJobs), through dispatch as the audited local administrator.
  for (const method of backend.registry.dailyJobs) {
    const result = await backend.call({ session, transport: 'cli' }, method, {});
    if (!result.ok) backend.logError(`daily ${method}`, new Error(`${result.error.code}: ${result.error.message}`));
  }
  // A desktop left open for months never reopens the file: its statistics are refreshed here.
  backend.refreshPlannerStatistics();
  await writeSetting(backend.conn.db, LAST_RUN_KEY, today);
  return true;
}

/**
 * The areas' start jobs (recovery of work a crash cut off), through dispatch as the audited local
 * administrator. Each works in short transactions, so calls arriving meanwhile are served.
 */
export async function runStartJobs(backend: RunningBackend): Promise<void> {
  if (!(await getCompany(backend.conn.db))) return;
  const session = { user: localAdmin(backend.conn) };
  for (const method of backend.registry.startJobs) {
    const result = await backend.call({ session, transport: 'cli' }, method, {});
    if (!result.ok) backend.logError(`start ${method}`, new Error(`${result.error.code}: ${result.error.message}`));
  }
}

/** The start jobs, then the daily jobs at start and every hour: a desktop left running overnight recomputes after midnight. */
export function startDailyJobs(backend: RunningBackend, intervalMs = 60 * 60_000): () => void {
  let stopped = false;
  const tick = () => void runDailyJobs(backend).catch((error: unknown) => backend.logError('daily jobs', error));
  void runStartJobs(backend)
    .catch((error: unknown) => backend.logError('start jobs', error))
    .finally(() => !stopped && tick());
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
