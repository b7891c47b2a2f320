/**
 * The calendar of logged work. Work is logged per day, and a day is a UTC calendar date
 * (`YYYY-MM-DD`): the contract's life, "not in the future", the ISO week of the hour cap and the
 * invoice weeks are all counted in UTC, one rule for every party whatever their time zone.
 */
const DAY_MS = 86_400_000;

/** The weekly hour cap of an HOURLY contract when neither the posting nor the bid named one: a full-time week. */
export const DEFAULT_WEEKLY_HOUR_LIMIT = 40;
/** The most a weekly hour cap can be: every hour of the week. */
export const MAX_WEEKLY_HOUR_LIMIT = 168;

/** Days after a contract ended during which its coder may still log its last days (up to the day it ended). */
export const LOG_AFTER_END_DAYS = 7;

/** `date` moved by `days` calendar days. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The UTC calendar date of an instant. */
export const utcDayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The ISO week (Monday to Sunday) holding `date`. */
export function isoWeekOf(date: string): { start: string; end: string } {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const start = addDays(date, -((weekday + 6) % 7));
  return { start, end: addDays(start, 6) };
}

/** The ISO week before the one holding `now`: the week the weekly invoices bill. */
export function previousWeek(now: Date): { start: string; end: string } {
  return isoWeekOf(addDays(isoWeekOf(utcDayOf(now)).start, -7));
}

/**
 * When a declined charge is tried again: `retryDays[n - 1]` days after the first decline for the
 * n-th retry, or null once every retry of the schedule has been spent (`declines` counts the
 * declined tries so far, the first charge included).
 */
export function nextChargeRetry(firstDeclinedAt: Date, declines: number, retryDays: readonly number[]): Date | null {
  const days = retryDays[declines - 1];
  return days === undefined ? null : new Date(firstDeclinedAt.getTime() + days * DAY_MS);
}
