import "server-only";
import { AccessDeniedError, authorize, type CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/roles";
import { problem } from "@/lib/http/problem";
import { t } from "@/lib/i18n";
import { logger } from "@/lib/logger";

/** Route handlers of the API: session and role checked here, refusals as 401/403 JSON, failures never leak details. */
export async function withApiUser(
  permission: Permission,
  what: string,
  handler: (user: CurrentUser) => Promise<Response>,
): Promise<Response> {
  let user: CurrentUser;
  try {
    user = await authorize(permission, what);
  } catch (error) {
    if (error instanceof AccessDeniedError) return problem(error.status, error.message);
    throw error;
  }
  try {
    return await handler(user);
  } catch (error) {
    logger.error({ err: error, what, userId: user.id }, "api handler failed");
    return Response.json({ error: "internal", message: t.errors.internal }, { status: 500 });
  }
}
