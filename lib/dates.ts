/** A time as "YYYY-MM-DD HH:MM" in UTC, as tables, logs and labels here show it. */
export function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** A date as "YYYY-MM-DD" in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The start of a "YYYY-MM-DD" day and of the day after it, in UTC: a date filter's inclusive "from" and "to". */
export function utcDayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function utcDayEnd(day: string): Date {
  return new Date(utcDayStart(day).getTime() + 86_400_000);
}
