import { AppError } from "@/lib/errors/app-error";

/** An invalid request a domain function refuses, in Spanish, optionally tied to one form field: an AppError "validation". */
export class ActionError extends AppError {
  constructor(message: string, field?: string, details?: unknown) {
    super("validation", message, { field, details });
  }
}
