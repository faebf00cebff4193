/** A JSON error body that names what is wrong, never a stack trace. */
export function problem(status: number, message: string, errors?: { parameter: string; message: string }[]) {
  const error = { 400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found" }[status] ?? "error";
  return Response.json({ error, message, ...(errors ? { errors } : {}) }, { status, headers: { "cache-control": "no-store" } });
}
