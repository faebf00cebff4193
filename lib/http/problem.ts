import { type AppError, HTTP_STATUS } from "@/lib/errors/app-error";

/** A JSON error body that names what is wrong, never a stack trace. */
export function problem(status: number, message: string, errors?: { parameter: string; message: string }[]) {
  const error = { 400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found" }[status] ?? "error";
  return Response.json({ error, message, ...(errors ? { errors } : {}) }, { status, headers: { "cache-control": "no-store" } });
}

/** An AppError as the API answers it: the status its code maps to, the code and the Spanish message. */
export function problemOf(error: AppError) {
  return Response.json(
    { error: error.code, message: error.message },
    { status: HTTP_STATUS[error.code], headers: { "cache-control": "no-store" } },
  );
}
