import "server-only";
import "@/lib/validation/spanish-zod";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { AuditAction } from "@/lib/audit/record-event";
import { AccessDeniedError, authorize, getCurrentSession, logDenied, type CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/roles";
import { type Db, getPrimaryDb } from "@/lib/db/client";
import { noteWrite, replicaLagSeconds, WROTE_COOKIE } from "@/lib/db/read-routing";
import { AppError } from "@/lib/errors/app-error";
import { requestContext, type RequestContext } from "@/lib/http/request-context";
import { t } from "@/lib/i18n";
import { logger } from "@/lib/logger";
import { env, secureCookies } from "@/lib/config";

export interface ActionState<T = undefined> {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What the user typed (never passwords), so the form keeps it after an error. */
  values?: Record<string, string>;
  data?: T;
}

export const idleState = { status: "idle" } as const;

export interface ActionContext {
  user: CurrentUser;
  sessionId: string;
  request: RequestContext;
  /** The primary, for everything the action reads and writes; domain functions take it as their first argument. */
  db: Db;
}

/**
 * Every form's server action goes through here: session and role checked on
 * the server (refusals are audited), input parsed with the entity's zod schema,
 * then the domain function with `db`. An AppError is shown to the user (beside
 * its field); anything else is logged, never shown. After a success the whole
 * layout is refreshed once, so no action keeps its own list of pages to revalidate.
 */
export function formAction<S extends z.ZodType, T = undefined>(options: {
  permission: Permission;
  what: string;
  /** Only for changing one's own password: everything else waits until a temporary password is replaced. */
  temporaryPassword?: "allowed";
  schema: S;
  /**
   * The audit events the domain function writes in its transaction, or null for a
   * write that is the user's own business (saved views). tests/unit/audited-actions.test.ts
   * checks every action declares them and that the functions it calls write them.
   */
  audit: AuditAction[] | null;
  /**
   * A check beyond the role that needs the parsed input (a REPORTER reports only on its secretariats'
   * initiatives). A refusal is audited like a missing role and nothing runs.
   */
  scope?: (input: z.output<S>, user: CurrentUser, db: Db) => Promise<{ allowed: boolean; detail?: Record<string, string | number> }>;
  /** redirectTo: where the browser goes after the success (a same-site path, or an address the server chose). */
  run: (input: z.output<S>, context: ActionContext) => Promise<{ message: string; data?: T; redirectTo?: string }>;
}) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const values = Object.fromEntries(
      [...formData.entries()].filter(
        (entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$") && !/password/i.test(entry[0]),
      ),
    );
    let user: CurrentUser;
    try {
      user = await authorize(options.permission, options.what, { temporaryPassword: options.temporaryPassword });
    } catch (error) {
      if (error instanceof AppError) return { status: "error", message: error.message };
      throw error;
    }
    const parsed = options.schema.safeParse(formFields(formData));
    if (!parsed.success) {
      return { status: "error", message: t.forms.fixErrors, fieldErrors: fieldErrorsOf(parsed.error), values };
    }
    if (options.scope) {
      const { allowed, detail } = await options.scope(parsed.data, user, getPrimaryDb());
      if (!allowed) {
        await logDenied(user, options.permission, options.what, detail);
        return { status: "error", message: new AccessDeniedError(403).message };
      }
    }
    const request = requestContext(await headers());
    const session = await getCurrentSession();
    let result: Awaited<ReturnType<typeof options.run>>;
    try {
      // Every action writes: what it reads first (limits, versions, previews) must not come from a lagging replica.
      noteWrite();
      result = await options.run(parsed.data, { user, sessionId: session!.sessionId, request, db: getPrimaryDb() });
      await readOwnWrites();
      revalidatePath("/", "layout");
    } catch (error) {
      if (error instanceof AppError) {
        const { field } = error;
        return {
          status: "error",
          message: error.message,
          fieldErrors: field ? { [field]: [error.message] } : undefined,
          values,
          data: error.details as T | undefined,
        };
      }
      logger.error({ err: error, requestId: request.requestId, action: options.what }, "server action failed");
      return {
        status: "error",
        message: `${t.errors.generic} ${request.requestId ? t.errors.requestId(request.requestId) : ""}`.trim(),
        values,
      };
    }
    // Outside the try: redirect() works by throwing.
    if (result.redirectTo) redirect(result.redirectTo);
    return { status: "success", message: result.message, data: result.data };
  };
}

/** The form's fields; a name sent several times (a group of checkboxes) becomes a list. */
function formFields(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    fields[key] = all.length === 1 ? all[0]! : all;
  }
  return fields;
}

/** Errors by field, nested fields as dotted paths ("articulationObjectives.0.text"). */
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

/** After a write, the next few requests of this browser read from the primary, not a lagging replica. */
async function readOwnWrites() {
  if (!env.DATABASE_REPLICA_URL) return;
  (await cookies()).set(WROTE_COOKIE, "1", {
    maxAge: replicaLagSeconds(),
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
  });
}
