/** Dates and numbers as Quito writes them (es-EC); safe for client components: no catalogue comes with it. */
import { tracking } from "./es/tracking";

export const LOCALE = "es-EC";
export const TIME_ZONE = "America/Guayaquil";

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
const date = new Intl.DateTimeFormat(LOCALE, { dateStyle: "long", timeZone: TIME_ZONE });
const integer = new Intl.NumberFormat(LOCALE);

export const formatDateTime = (value: Date) => dateTime.format(value);
export const formatDate = (value: Date) => date.format(value);
export const formatNumber = (value: number) => integer.format(value);
/** "45 %", "45,5 %". */
export const formatPercent = (value: number) => tracking.percent(integer.format(value));

// Calendar days ("YYYY-MM-DD", DATE columns) have no time: formatting them in Quito's zone would show the day before.
const day = new Intl.DateTimeFormat(LOCALE, { dateStyle: "long", timeZone: "UTC" });
export const formatDay = (value: string) => day.format(new Date(`${value}T00:00:00Z`));
const shortDay = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: "UTC" });
/** "25 nov 2026", for narrow table columns. */
export const formatShortDay = (value: string) => shortDay.format(new Date(`${value}T00:00:00Z`));
