import { z } from "zod";

/**
 * zod's own messages (a wrong type, a value out of a list) in Spanish, for every
 * check without a message of its own in t.validation. Set once per process: the
 * boundaries (lib/auth/current-user.ts for pages, actions and the API, and
 * scripts/run.ts for the commands) import this module for its effect.
 */
z.config(z.locales.es());
