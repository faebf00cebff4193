import { TIME_ZONE } from "@/lib/i18n";

/**
 * Calendar days (DATE columns) as "YYYY-MM-DD" strings; PostgreSQL returns them
 * as UTC midnights. "Today" is Quito's today, whatever the server's zone.
 */
// Built once: a formatter costs far more to construct than to use, and "today" is read on every table request.
const quitoDay = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

export function todayInQuito(now: Date = new Date()): string {
  return quitoDay.format(now);
}

export const dayToDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const dateToDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = dayToDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return dateToDay(date);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / 86_400_000);
}
