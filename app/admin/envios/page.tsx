import type { Metadata } from "next";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageReader } from "@/lib/auth/current-user";
import { formatDateTime, t } from "@/lib/i18n";
import { mailSettings } from "@/lib/mail/mail-settings";
import { listDeliveries } from "@/lib/notifications/user-notifications";
import { Cell, ColumnHeader, RowHeader, Table, TableFrame, TableHead, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: t.notifications.deliveries.title };

const text = t.notifications.deliveries;
const STATE_PARAMS = text.stateParams;
// An unknown value shows every state, as the «Todos» option does.
const querySchema = z.object({
  estado: z
    .enum(Object.keys(STATE_PARAMS) as [keyof typeof STATE_PARAMS])
    .optional()
    .catch(undefined),
});

const STATE_STYLE = {
  PENDING: "bg-amber-100 text-amber-900",
  SENT: "bg-green-100 text-green-900",
  FAILED: "bg-red-100 text-red-900",
} as const;

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db } = await requirePageReader("/admin/envios", "settings:manage");
  const query = querySchema.parse(await searchParams);
  const { rows, total } = await listDeliveries(db, { state: query.estado ? STATE_PARAMS[query.estado] : undefined });
  const mail = mailSettings();
  return (
    <div className="space-y-6">
      <PageHeader title={text.title} intro={text.intro} />
      <p
        className={`max-w-3xl rounded border p-3 text-sm ${mail ? "border-slate-200 bg-slate-50 text-slate-800" : "border-amber-300 bg-amber-50 text-amber-950"}`}
        data-testid="email-status"
      >
        {mail ? text.emailOn(mail.from) : text.emailOff}
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <div className="space-y-1">
          <label htmlFor="filtro-estado" className="block font-medium">
            {text.filter}
          </label>
          <select
            id="filtro-estado"
            name="estado"
            defaultValue={query.estado ?? ""}
            className="block rounded border border-slate-400 bg-white px-2 py-1.5"
          >
            <option value="">{text.all}</option>
            {Object.entries(STATE_PARAMS).map(([param, state]) => (
              <option key={param} value={param}>
                {text.states[state]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white hover:bg-brand-900">
          {text.apply}
        </button>
      </form>
      <p className="text-sm text-slate-700">{text.count(rows.length, total)}</p>
      {rows.length === 0 ? (
        <p className="text-slate-700">{text.empty}</p>
      ) : (
        <TableFrame>
          <Table caption={text.table} className="min-w-full text-left text-sm" data-testid="deliveries">
            <TableHead>
              {[text.created, text.to, text.subject, text.state, text.attempts, text.sentAt, text.error].map((label) => (
                <ColumnHeader key={label} className="px-4 py-2 font-semibold">
                  {label}
                </ColumnHeader>
              ))}
            </TableHead>
            <tbody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <Cell className="whitespace-nowrap px-4 py-2">
                    <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
                  </Cell>
                  <Cell className="px-4 py-2 break-all">{row.toAddress}</Cell>
                  <RowHeader>{row.subject}</RowHeader>
                  <Cell>
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_STYLE[row.state]}`}>{text.states[row.state]}</span>
                  </Cell>
                  <Cell>{row.attempts}</Cell>
                  <Cell className="whitespace-nowrap px-4 py-2">
                    {row.sentAt && <time dateTime={row.sentAt.toISOString()}>{formatDateTime(row.sentAt)}</time>}
                  </Cell>
                  <Cell className="px-4 py-2 break-words text-red-900">{row.lastError}</Cell>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}
