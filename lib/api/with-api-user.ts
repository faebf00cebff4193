import "server-only";
import "@/lib/validation/spanish-zod";
import { authorize, type CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { problemOf } from "@/lib/http/problem";
import { t } from "@/lib/i18n";
import { logger } from "@/lib/logger";

/** Route handlers of the API: session and role checked here; an AppError answers with its code's status (401, 403, 404, 409, 413, 422, 429…), anything else a 500 that leaks no detail. */
export async function withApiUser(
  permission: Permission,
  what: string,
  handler: (user: CurrentUser) => Promise<Response>,
): Promise<Response> {
  let user: CurrentUser;
  try {
    user = await authorize(permission, what);
  } catch (error) {
    if (error instanceof AppError) return problemOf(error);
    throw error;
  }
  try {
    return await handler(user);
  } catch (error) {
    if (error instanceof AppError) return problemOf(error);
    logger.error({ err: error, what, userId: user.id }, "api handler failed");
    return Response.json({ error: "internal", message: t.errors.internal }, { status: 500 });
  }
}
