import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, businessDateIn, businessDayStartUtc, daysBetween, formatDate, formatDateTime, instantOfWallClock, monthEnd, monthStart } from './dates';

describe('business dates', () => {
  it('takes the date in the company’s zone, not in UTC', () => {
    // 16:30 UTC on 31 March is already 1 April in Shanghai, still 31 March in Berlin.
    const at = new Date('2026-03-31T16:30:00Z');
    expect(businessDateIn('Asia/Shanghai', at)).toBe('2026-04-01');
    expect(businessDateIn('Europe/Berlin', at)).toBe('2026-03-31');
    expect(businessDateIn('UTC', new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
  });

  it('starts a business day at midnight in the zone, across daylight saving changes', () => {
    expect(businessDayStartUtc('2026-04-01', 'Asia/Shanghai')).toBe('2026-03-31T16:00:00.000Z');
    // Berlin moves its clocks on 29 March 2026: winter time before, summer time after.
    expect(businessDayStartUtc('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(businessDayStartUtc('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
    expect(businessDayStartUtc('2026-11-01', 'America/New_York')).toBe('2026-11-01T04:00:00.000Z');
  });

  it('puts every instant inside the business day it belongs to', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }), fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'), (at, zone) => {
        const date = businessDateIn(zone, at);
        expect(businessDayStartUtc(date, zone) <= at.toISOString()).toBe(true);
        expect(at.toISOString() < businessDayStartUtc(addDays(date, 1), zone)).toBe(true);
      }),
    );
  });

  it('adds days and counts them across months, leap days and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-05', -10)).toBe('2025-12-26');
    expect(daysBetween('2025-12-26', '2026-01-05')).toBe(10);
    expect(daysBetween('2026-01-05', '2025-12-26')).toBe(-10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -5000, max: 5000 }), (start, days) => {
        const from = addDays('1970-01-01', start);
        expect(daysBetween(from, addDays(from, days))).toBe(days);
      }),
    );
  });

  it('knows where a month starts and ends', () => {
    expect(monthStart('2026-11-28')).toBe('2026-11-01');
    expect(monthEnd('2026-11-28')).toBe('2026-11-30');
    expect(monthEnd('2028-02-03')).toBe('2028-02-29');
    expect(monthEnd('2026-12-31')).toBe('2026-12-31');
  });

  it('refuses text that is not a date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(/not a date/);
    expect(() => daysBetween('2026-1-5', '2026-01-06')).toThrow(/not a date/);
    expect(() => monthEnd('yesterday')).toThrow(/not a date/);
    expect(() => addDays('2026-01-01', 0.5)).toThrow(/whole number/);
  });
});

describe('showing timestamps', () => {
  it('shows a UTC timestamp as the date and 24-hour time in a zone', () => {
    expect(formatDateTime('2026-11-28T01:54:30.000Z', 'Asia/Shanghai')).toBe('2026-11-28 09:54');
    expect(formatDateTime('2026-11-28T16:05:00.000Z', 'Asia/Shanghai')).toBe('2026-11-29 00:05');
    expect(formatDate('2026-11-28T16:05:00.000Z', 'Asia/Shanghai')).toBe('2026-11-29');
    expect(formatDate(new Date('2026-11-28T16:05:00.000Z'), 'UTC')).toBe('2026-11-28');
    expect(() => formatDateTime('not a time', 'UTC')).toThrow(/not a timestamp/);
  });

  it('reads a typed wall-clock time as the company’s, and refuses one that is not a time', () => {
    expect(instantOfWallClock('2026-11-29 00:30', 'Asia/Shanghai')).toBe('2026-11-28T16:30:00.000Z');
    expect(instantOfWallClock('2026-11-28 09:54:30', 'Asia/Shanghai')).toBe('2026-11-28T01:54:30.000Z');
    // 01:30 on Berlin's first summer-time day (02:00–03:00 does not exist that night) is still winter time.
    expect(instantOfWallClock('2026-03-29 01:30', 'Europe/Berlin')).toBe('2026-03-29T00:30:00.000Z');
    expect(instantOfWallClock('2026-03-29 12:00', 'Europe/Berlin')).toBe('2026-03-29T10:00:00.000Z');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }), (at) => {
        const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
        expect(instantOfWallClock(formatDateTime(minute, 'Asia/Shanghai'), 'Asia/Shanghai')).toBe(minute.toISOString());
      }),
    );
    expect(() => instantOfWallClock('2026-11-28 24:00', 'Asia/Shanghai')).toThrow(/not a date and time/);
    expect(() => instantOfWallClock('2026-11-31 09:00', 'Asia/Shanghai')).toThrow(/not a date/);
    expect(() => instantOfWallClock('tomorrow 9am', 'Asia/Shanghai')).toThrow(/not a date and time/);
  });
});
