/** The error code next-auth passes back to the sign-in form when the attempt hit a lock. */
export const SIGN_IN_LOCKED = "bloqueo";
