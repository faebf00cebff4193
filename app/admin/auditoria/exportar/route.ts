import { apiHandler } from "@/lib/api/api-handler";
import { auditQuerySchema, exportAuditEvents } from "@/lib/audit/list-audit-events";
import { toCsv } from "@/lib/export/spreadsheet-cells";
import { t } from "@/lib/i18n";
import { todayInQuito } from "@/lib/tracking/days";

export const dynamic = "force-dynamic";

/** The audit events the page's filters select, as CSV (UTC times in ISO 8601). */
export const GET = apiHandler(
  { permission: "audit:read", what: "exportar auditoría", query: auditQuerySchema },
  async ({ readDb, query }) => {
    const events = await exportAuditEvents(readDb, query);
    const csv = toCsv(
      [...t.audit.csvHeader],
      events.map((e) => [
        e.id,
        e.occurredAt.toISOString(),
        e.userEmail,
        e.action,
        e.entityType,
        e.entityId,
        e.ip,
        e.userAgent,
        e.requestId,
        e.data === null ? null : JSON.stringify(e.data),
        e.tally?.count ?? 1,
      ]),
    );
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="auditoria-${todayInQuito()}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
