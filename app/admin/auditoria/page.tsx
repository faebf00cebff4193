import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { requirePageReader } from "@/lib/auth/current-user";
import { auditQuerySchema, listAuditEvents } from "@/lib/audit/list-audit-events";
import { formatDateTime, formatNumber, t } from "@/lib/i18n";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, ColumnHeader, Table, TableFrame, TableHead, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: t.audit.title };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { readDb } = await requirePageReader("/admin/auditoria", "audit:read");
  const query = auditQuerySchema.parse(await searchParams);
  const page = await listAuditEvents(readDb, query);
  const filterParams = new URLSearchParams(
    Object.entries({ usuario: query.usuario, entidad: query.entidad, accion: query.accion, desde: query.desde, hasta: query.hasta }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  ).toString();
  const pageHref = (n: number) =>
    `/admin/auditoria?${new URLSearchParams([...new URLSearchParams(filterParams), ["pagina", String(n)]]).toString()}`;
  if (page.count > 0 && page.currentPage > page.totalPages) redirect(pageHref(page.totalPages));

  return (
    <div className="space-y-6">
      <PageHeader title={t.audit.title} intro={t.audit.intro(formatNumber(page.count))} />
      <form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-6 md:items-end"
        aria-label={t.audit.filters}
      >
        <div className="space-y-1">
          <label htmlFor="filtro-usuario" className="block font-medium">
            {t.audit.who}
          </label>
          <input
            id="filtro-usuario"
            name="usuario"
            defaultValue={query.usuario}
            className="block w-full rounded border border-slate-400 px-2 py-1.5"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="filtro-entidad" className="block font-medium">
            {t.audit.entity}
          </label>
          <select
            id="filtro-entidad"
            name="entidad"
            defaultValue={query.entidad ?? ""}
            className="block w-full rounded border border-slate-400 bg-white px-2 py-1.5"
          >
            <option value="">{t.audit.any}</option>
            {page.entities.map((e) => (
              <option key={e} value={e}>
                {t.audit.entities[e] ?? e}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filtro-accion" className="block font-medium">
            {t.audit.action}
          </label>
          <select
            id="filtro-accion"
            name="accion"
            defaultValue={query.accion ?? ""}
            className="block w-full rounded border border-slate-400 bg-white px-2 py-1.5"
          >
            <option value="">{t.audit.any}</option>
            {page.actions.map((a) => (
              <option key={a} value={a}>
                {t.audit.actions[a as keyof typeof t.audit.actions] ?? a}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filtro-desde" className="block font-medium">
            {t.audit.from_}
          </label>
          <input
            type="date"
            id="filtro-desde"
            name="desde"
            defaultValue={query.desde}
            className="block w-full rounded border border-slate-400 px-2 py-1.5"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="filtro-hasta" className="block font-medium">
            {t.audit.to}
          </label>
          <input
            type="date"
            id="filtro-hasta"
            name="hasta"
            defaultValue={query.hasta}
            className="block w-full rounded border border-slate-400 px-2 py-1.5"
          />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            {t.audit.apply}
          </button>
          <a
            href={`/admin/auditoria/exportar?${filterParams}`}
            className="rounded border border-slate-400 px-3 py-1.5 font-medium"
            download
          >
            CSV
          </a>
        </div>
      </form>
      {page.data.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">{t.audit.empty}</p>
      ) : (
        // No link in its rows: when long entries make it scroll sideways, the box itself takes the focus, so the keyboard can scroll it.
        <TableFrame tabIndex={0} role="region" aria-label={t.audit.title}>
          <Table caption={t.audit.title}>
            <TableHead>
              <ColumnHeader>{t.audit.when}</ColumnHeader>
              <ColumnHeader>{t.audit.who}</ColumnHeader>
              <ColumnHeader>{t.audit.action}</ColumnHeader>
              <ColumnHeader>{t.audit.entity}</ColumnHeader>
              <ColumnHeader>{t.audit.from}</ColumnHeader>
            </TableHead>
            <tbody>
              {page.data.map((event) => (
                <TableRow key={event.id}>
                  <Cell className="whitespace-nowrap px-4 py-2">
                    <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt)}</time>
                  </Cell>
                  <Cell>{event.userEmail ?? t.audit.anonymous}</Cell>
                  <Cell>
                    {t.audit.actions[event.action as keyof typeof t.audit.actions] ?? event.action}
                    {event.tally && event.tally.count > 1 && (
                      <span className="block text-xs text-slate-600">
                        {t.audit.repeated(event.tally.count, formatDateTime(event.tally.lastAt))}
                      </span>
                    )}
                  </Cell>
                  <Cell>
                    {event.entityType ? `${t.audit.entities[event.entityType] ?? event.entityType} ${event.entityId ?? ""}`.trim() : "—"}
                  </Cell>
                  <Cell>
                    <span className="block">{event.ip ?? "—"}</span>
                    <span className="block max-w-xs truncate text-xs text-slate-600" title={event.userAgent ?? undefined}>
                      {event.userAgent}
                    </span>
                  </Cell>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </TableFrame>
      )}
      <nav aria-label={t.audit.pagination} className="flex items-center justify-between text-sm">
        <span>{t.audit.pageOf(page.currentPage, page.totalPages)}</span>
        <span className="flex gap-2">
          {page.currentPage > 1 && (
            <Link className="rounded border border-slate-300 bg-white px-3 py-1" href={pageHref(page.currentPage - 1)}>
              {t.audit.previous}
            </Link>
          )}
          {page.currentPage < page.totalPages && (
            <Link className="rounded border border-slate-300 bg-white px-3 py-1" href={pageHref(page.currentPage + 1)}>
              {t.audit.next}
            </Link>
          )}
        </span>
      </nav>
    </div>
  );
}
