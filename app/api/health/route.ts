import { pingDatabase } from "@/lib/db/ping-database";

export const dynamic = "force-dynamic";

/** For load balancers: no session, no data; 200 while PostgreSQL answers, 503 when it does not. */
export async function GET() {
  return (await pingDatabase(2_000))
    ? Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } })
    : Response.json({ status: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
}
