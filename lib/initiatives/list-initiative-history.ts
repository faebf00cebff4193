import type { Db } from "@/lib/db/client";
import type { InitiativeSnapshot } from "./initiative-schema";

/** The recorded versions of an initiative, newest first. */
export async function initiativeHistory(db: Db, id: number) {
  const events = await db.auditEvent.findMany({
    where: { entityType: "Initiative", entityId: String(id), action: { startsWith: "initiative." } },
    orderBy: { id: "desc" },
  });
  return events.map((event) => {
    const data = event.data as unknown as { before: InitiativeSnapshot | null; after: InitiativeSnapshot; version: number };
    return { id: event.id, action: event.action, occurredAt: event.occurredAt, userEmail: event.userEmail, ip: event.ip, ...data };
  });
}
