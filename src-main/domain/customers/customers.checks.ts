import { codesBehindSeries } from '../checks/invariants';

/** Imported codes (C000120) must not collide with the numbers the series will issue next. */
export const customerSeriesAhead = codesBehindSeries({ name: 'customer numbers are behind their series', seriesCode: 'customer', table: 'customers' });
