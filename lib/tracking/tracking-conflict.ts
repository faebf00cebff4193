import { AppError } from "@/lib/errors/app-error";
import { t } from "@/lib/i18n";

/** A tracking write against a version someone else has already replaced; the form keeps what the user typed. */
export class TrackingConflictError extends AppError {
  constructor(what: string = t.conflicts.subjects.tracking) {
    super("conflict", t.conflicts.tracking(what));
  }
}
