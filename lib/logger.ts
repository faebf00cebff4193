import pino from "pino";
import { env } from "@/lib/config";

/**
 * Structured JSON logs on stdout. Never log passwords, tokens or personal data
 * beyond a user id: the redaction list is a safety net, not a licence.
 */
export const logger = pino({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "matriz-pmdot" },
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token", "headers.cookie", "headers.authorization"],
    censor: "[oculto]",
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});
