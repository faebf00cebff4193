import "server-only";
import { z } from "zod";
import { authorize } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";

export const AUDIT_PAGE_SIZE = 50;

export const auditQuerySchema = z.object({
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Newest first, one page at a time; admins only. */
export async function listAuditEvents(query: z.infer<typeof auditQuerySchema>) {
  await authorize("audit:read", "leer auditoría");
  const db = getDb();
  const [data, count] = await Promise.all([
    db.auditEvent.findMany({
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (query.pagina - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count(),
  ]);
  return { data, count, currentPage: query.pagina, perPage: AUDIT_PAGE_SIZE, totalPages: Math.max(1, Math.ceil(count / AUDIT_PAGE_SIZE)) };
}
