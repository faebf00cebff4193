/** An error a domain function raises for the user to read, in Spanish, optionally tied to one form field. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    /** Anything the form needs to show beside the message (e.g. the stored version in a conflict). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}
