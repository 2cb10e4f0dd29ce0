import type { Sqlite } from './connection';

/**
 * SQLite's advice for long-lived connections (sqlite.org/pragma.html#pragma_optimize): a bounded
 * ANALYZE of the tables whose statistics are missing or that grew 25-fold since. Every table is
 * checked (0x10000), not only those this connection's planner used: after a bulk load those may be
 * none. Without statistics the planner takes `status = ?` for a selective index and walks every
 * customer.
 *
 * Statistics only speed queries up, so a busy database (another process writing) is no error:
 * returns whether they were refreshed.
 */
export function refreshPlannerStatistics(sqlite: Sqlite): boolean {
  if (sqlite.readonly || !sqlite.open) return false;
  try {
    // Rows sampled per index: approximate statistics in milliseconds, even on a large file.
    sqlite.pragma('analysis_limit = 400');
    sqlite.pragma('optimize = 0x10002');
    return true;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return false;
    throw error;
  }
}
