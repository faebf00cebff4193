import { t } from "@/lib/i18n";

/** What went wrong, as the action wrapper, the API and the CLI each need to answer it. */
export type AppErrorCode =
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "too_large"
  | "config"
  | "unavailable"
  | "internal";

/**
 * An error meant for the user to read, in Spanish (lib/i18n), with a code that
 * decides how each boundary answers: a form shows it (beside `field` if given),
 * the API maps it to an HTTP status, a command to an exit code. Anything that is
 * not an AppError is unexpected: logged, and answered with a generic message.
 */
export class AppError extends Error {
  readonly field?: string;
  /** Anything the form needs to show beside the message (e.g. the stored version in a conflict). */
  readonly details?: unknown;

  constructor(
    readonly code: AppErrorCode,
    message: string = t.appErrors[code],
    options: { field?: string; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.field = options.field;
    this.details = options.details;
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  config: 500,
  unavailable: 503,
  internal: 500,
};

/** sysexits(3): a script can tell bad input from a missing permission from a temporary failure worth retrying. */
export const EXIT_CODE: Record<AppErrorCode, number> = {
  validation: 65,
  unauthorized: 77,
  forbidden: 77,
  not_found: 66,
  conflict: 75,
  rate_limited: 75,
  too_large: 65,
  config: 78,
  unavailable: 69,
  internal: 70,
};
