import type { Instrumentation } from "next";

/** Runs once when a server instance starts (see lib/startup.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("@/lib/startup");
    await onServerStart();
  }
}

/** Every server-side failure as one JSON log line with the request id; users only see the digest. */
export const onRequestError: Instrumentation.onRequestError = async (error, request) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/logger");
  const headers = request.headers as Record<string, string | string[] | undefined>;
  logger.error(
    {
      err: error,
      digest: (error as { digest?: string }).digest,
      requestId: headers["x-request-id"],
      method: request.method,
      path: request.path.split("?")[0],
    },
    "request failed",
  );
};
