import { addDays } from "./days";
import { ENDING_SOON_DAYS, STALE_AFTER_DAYS } from "./statuses";

/** The one definition of "stale" and "ending soon", for the SQL filters, the dashboard and the initiative page alike. Days are "YYYY-MM-DD". */

/** An initiative whose newest update is older than this day (or that has none) is stale. */
export const staleCutoff = (today: string) => addDays(today, -STALE_AFTER_DAYS);

export const isStale = (lastUpdateOn: string | null, today: string) => lastUpdateOn === null || lastUpdateOn < staleCutoff(today);

/** Instruments ending from today to this day, inclusive, are ending soon. */
export const endingSoonUntil = (today: string) => addDays(today, ENDING_SOON_DAYS);

export const isEndingSoon = (endsOn: string | null, today: string) =>
  endsOn !== null && endsOn >= today && endsOn <= endingSoonUntil(today);
