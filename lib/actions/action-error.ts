/** An error a domain function raises for the user to read, in Spanish, optionally tied to one form field. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
