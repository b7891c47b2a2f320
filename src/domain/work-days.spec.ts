import { describe, expect, it } from '@jest/globals';
import { addDays, isoWeekOf, nextChargeRetry, previousWeek, utcDayOf } from './work-days.js';

describe('work days', () => {
  describe(isoWeekOf.name, () => {
    it('runs Monday to Sunday, whatever day of the week it is given', () => {
      expect(isoWeekOf('2026-11-23')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
      expect(isoWeekOf('2026-11-26')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
      expect(isoWeekOf('2026-11-29')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    });

    it('crosses month and year ends (ISO week 1 of 2027 starts on 2027-01-04; 2026-12-28 is week 53)', () => {
      expect(isoWeekOf('2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
      expect(isoWeekOf('2027-01-04')).toEqual({ start: '2027-01-04', end: '2027-01-10' });
      expect(isoWeekOf('2028-03-01')).toEqual({ start: '2028-02-28', end: '2028-03-05' });
    });
  });

  describe(previousWeek.name, () => {
    it('is the Monday-to-Sunday week before the one holding the instant, in UTC', () => {
      expect(previousWeek(new Date('2026-11-25T12:00:00Z'))).toEqual({ start: '2026-11-16', end: '2026-11-22' });
      // Monday 00:30 UTC is still Sunday evening in New York: the UTC calendar decides.
      expect(previousWeek(new Date('2026-11-23T00:30:00Z'))).toEqual({ start: '2026-11-16', end: '2026-11-22' });
      expect(previousWeek(new Date('2026-11-22T23:59:59Z'))).toEqual({ start: '2026-11-09', end: '2026-11-15' });
    });
  });

  describe(utcDayOf.name, () => {
    it('reads the UTC calendar date of an instant', () => {
      expect(utcDayOf(new Date('2026-11-23T23:30:00-05:00'))).toBe('2026-11-24');
      expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    });
  });

  describe(nextChargeRetry.name, () => {
    const first = new Date('2026-11-02T10:00:00Z');

    it('retries on the schedule counted from the first decline', () => {
      expect(nextChargeRetry(first, 1, [1, 3, 5])).toEqual(new Date('2026-11-03T10:00:00Z'));
      expect(nextChargeRetry(first, 2, [1, 3, 5])).toEqual(new Date('2026-11-05T10:00:00Z'));
      expect(nextChargeRetry(first, 3, [1, 3, 5])).toEqual(new Date('2026-11-07T10:00:00Z'));
    });

    it('gives up after the last retry of the schedule', () => {
      expect(nextChargeRetry(first, 4, [1, 3, 5])).toBeNull();
      expect(nextChargeRetry(first, 1, [])).toBeNull();
    });
  });
});
