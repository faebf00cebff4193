import "server-only";
import { z } from "zod";
import type { Db, Prisma } from "@/lib/db/client";

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Filters of /admin/auditoria, from the URL; anything invalid is dropped rather than failing the page. */
export const auditQuerySchema = z.object({
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1),
  usuario: z.string().trim().max(254).optional().catch(undefined),
  entidad: z.string().trim().max(60).optional().catch(undefined),
  accion: z.string().trim().max(60).optional().catch(undefined),
  desde: day,
  hasta: day,
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Dates are entered as days in Ecuador's time (UTC-5, no daylight saving). */
const startOfDay = (value: string) => new Date(`${value}T00:00:00-05:00`);

function where(query: AuditQuery): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (query.usuario) and.push({ userEmail: { contains: query.usuario, mode: "insensitive" } });
  if (query.entidad) and.push({ entityType: query.entidad });
  if (query.accion) and.push({ action: { startsWith: query.accion } });
  if (query.desde) and.push({ occurredAt: { gte: startOfDay(query.desde) } });
  if (query.hasta) and.push({ occurredAt: { lt: new Date(startOfDay(query.hasta).getTime() + 86_400_000) } });
  return { AND: and };
}

/** Newest first, one page at a time. The caller checks "audit:read". */
export async function listAuditEvents(db: Db, query: AuditQuery) {
  const [data, count, entities, actions] = await Promise.all([
    db.auditEvent.findMany({
      where: where(query),
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (query.pagina - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { tally: { select: { count: true, lastAt: true } } },
    }),
    db.auditEvent.count({ where: where(query) }),
    db.auditEvent.findMany({ distinct: ["entityType"], select: { entityType: true }, where: { entityType: { not: null } } }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true } }),
  ]);
  return {
    data,
    count,
    currentPage: query.pagina,
    perPage: AUDIT_PAGE_SIZE,
    totalPages: Math.max(1, Math.ceil(count / AUDIT_PAGE_SIZE)),
    entities: entities.map((e) => e.entityType!).sort(),
    actions: actions.map((a) => a.action).sort(),
  };
}

/** Every event the filters select, for the CSV export (capped, newest first). The caller checks "audit:read". */
export async function exportAuditEvents(db: Db, query: AuditQuery, limit = 100_000) {
  return db.auditEvent.findMany({
    where: where(query),
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { tally: { select: { count: true, lastAt: true } } },
  });
}
