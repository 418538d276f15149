/** A time as "YYYY-MM-DD HH:MM" in UTC, as tables, logs and labels here show it. */
export function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** A date as "YYYY-MM-DD" in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The days a filter or cursor may name. PostgreSQL timestamps cannot hold year 0 and JS writes years past
 * 9999 as "+010000-…", which PostgreSQL reads as a time zone: outside this window a query would fail.
 */
export const DAY_MIN = "1970-01-01";
export const DAY_MAX = "9999-12-31";
const TIME_MIN = Date.parse(`${DAY_MIN}T00:00:00Z`);
const TIME_MAX = Date.parse(`${DAY_MAX}T23:59:59.999Z`);

/** Whether a date is a real one inside the window above. */
export function inDateWindow(date: Date): boolean {
  const time = date.getTime();
  return time >= TIME_MIN && time <= TIME_MAX;
}

/** The start of a "YYYY-MM-DD" day and of the day after it, in UTC: a date filter's inclusive "from" and "to". */
export function utcDayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The end of the window's last day is its last millisecond: the day after it is outside the window. */
export function utcDayEnd(day: string): Date {
  return new Date(Math.min(utcDayStart(day).getTime() + 86_400_000, TIME_MAX));
}
