/**
 * The billing calendar: monthly periods in UTC, and what a plan change costs for the days left of one.
 * Pure functions of their arguments (no clock inside), so the service and the tests pass `now`.
 */

export const DAY_MS = 86_400_000;

/**
 * The same day and time one month later, in UTC. A day the next month does not have becomes its last
 * (31 January → 28 or 29 February), as most billing systems do.
 */
export function addMonth(date: Date): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const lastDayOfNext = new Date(Date.UTC(year, month + 2, 0)).getUTCDate();
  return new Date(
    Date.UTC(year, month + 1, Math.min(date.getUTCDate(), lastDayOfNext), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()),
  );
}

/** Whole days in a period (28 to 31 for a month: periods start and end at the same time of day). */
export function periodDays(start: Date, end: Date): number {
  return Math.max(1, Math.round((end.getTime() - start.getTime()) / DAY_MS));
}

/** Days left of a period at `now`; a day that has begun counts as left (it is paid at the new price). */
export function remainingDays(now: Date, start: Date, end: Date): number {
  const left = Math.ceil((end.getTime() - now.getTime()) / DAY_MS);
  return Math.min(periodDays(start, end), Math.max(0, left));
}

/**
 * What an upgrade charges now: the monthly price difference for the days left,
 * `difference × remainingDays / periodDays`, rounded to the nearest cent (half a cent up), in integer
 * arithmetic so no float ever touches money.
 */
export function prorate(differenceMinor: number, remaining: number, days: number): number {
  if (differenceMinor <= 0 || remaining <= 0) return 0;
  return Math.floor((2 * differenceMinor * remaining + days) / (2 * days));
}
