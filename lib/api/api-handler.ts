import "server-only";
import "@/lib/validation/spanish-zod";
import { z } from "zod";
import { authorize, type CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/roles";
import { type Db, getDb, getReadDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { problem, problemOf } from "@/lib/http/problem";
import { t } from "@/lib/i18n";
import { logger } from "@/lib/logger";

export interface ParameterError {
  parameter: string;
  message: string;
}
type Parsed<T> = { success: true; query: T } | { success: false; errors: ParameterError[] };
/** A zod schema over the query's entries, or a parser of its own (the table's, which also refuses unknown names). */
type QueryParser<T> = z.ZodType<T> | ((params: URLSearchParams) => Parsed<T>);

interface ApiOptions<Q, P, B> {
  permission: Permission;
  /** What the refusal's audit event says was attempted. */
  what: string;
  query?: QueryParser<Q>;
  /** The route's dynamic segments (`[id]`): a bad one is a 400 naming it. */
  params?: z.ZodType<P>;
  /** A JSON body. */
  body?: z.ZodType<B>;
}

export interface ApiContext<Q, P, B> {
  user: CurrentUser;
  /** The routed client: model reads may go to a replica, writes to the primary. */
  db: Db;
  /** The read client (raw SQL, replica when there is one). */
  readDb: Db;
  request: Request;
  query: Q;
  params: P;
  body: B;
}

/** A dynamic segment read by `parse` (null: not one), refused with `message`. */
export const segment = <T>(parse: (value: string) => T | null, message: string) =>
  z.string().transform((value, ctx) => {
    const parsed = parse(value);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return parsed;
  });

const issuesOf = (error: z.ZodError): ParameterError[] =>
  error.issues.map((issue) => ({ parameter: issue.path.map(String).join(".") || "", message: issue.message }));

/** One bad segment names itself in the message (`id: …`); query and body errors are listed under `errors`. */
function badRequest(errors: ParameterError[], segment = false) {
  const first = errors[0];
  return problem(400, segment && first ? `${first.parameter}: ${first.message}` : t.errors.invalidParameters, errors);
}

/**
 * The one way a route handler of the API reaches the database. Session (401) and
 * role (403, refusal audited) first, then the segments, query and body through zod
 * (400 with the Spanish messages), then the handler with the clients. An AppError
 * answers with its code's status (404, 409, 413, 422, 429…); anything else is a 500
 * that leaks no detail.
 */
export function apiHandler<Q = undefined, P = undefined, B = undefined>(
  options: ApiOptions<Q, P, B>,
  handler: (context: ApiContext<Q, P, B>) => Promise<Response>,
) {
  return async (request: Request, route?: { params: Promise<unknown> }): Promise<Response> => {
    let user: CurrentUser;
    try {
      user = await authorize(options.permission, options.what);
    } catch (error) {
      if (error instanceof AppError) return problemOf(error);
      throw error;
    }
    try {
      let params = undefined as P;
      if (options.params) {
        const parsed = options.params.safeParse((await route?.params) ?? {});
        if (!parsed.success) return badRequest(issuesOf(parsed.error), true);
        params = parsed.data;
      }
      let query = undefined as Q;
      if (options.query) {
        const searchParams = new URL(request.url).searchParams;
        const parsed: Parsed<Q> =
          typeof options.query === "function"
            ? options.query(searchParams)
            : (() => {
                const result = (options.query as z.ZodType<Q>).safeParse(Object.fromEntries(searchParams));
                return result.success ? { success: true, query: result.data } : { success: false, errors: issuesOf(result.error) };
              })();
        if (!parsed.success) return badRequest(parsed.errors);
        query = parsed.query;
      }
      let body = undefined as B;
      if (options.body) {
        const json: unknown = await request.json().catch(() => undefined);
        const parsed = options.body.safeParse(json);
        if (!parsed.success) return badRequest(issuesOf(parsed.error));
        body = parsed.data;
      }
      return await handler({ user, db: getDb(), readDb: getReadDb(), request, query, params, body });
    } catch (error) {
      if (error instanceof AppError) return problemOf(error);
      logger.error({ err: error, what: options.what, userId: user.id }, "api handler failed");
      return Response.json({ error: "internal", message: t.errors.internal }, { status: 500 });
    }
  };
}
