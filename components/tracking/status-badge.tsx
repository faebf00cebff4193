import { formatPercent } from "@/lib/i18n/format";
import { tracking } from "@/lib/i18n/es/tracking";
import type { Status } from "@/lib/tracking/statuses";
import { BarFill } from "@/components/ui/bar-fill";

// Only the namespaces used here: this module reaches client bundles, and the whole catalogue stays out of them.
const t = { tracking } as const;

// Each status has its own colour, but the label is always written: colour is never the only cue.
const STYLES: Record<Status, string> = {
  POR_INICIAR: "bg-slate-100 text-slate-800 ring-slate-300",
  EN_EJECUCION: "bg-sky-50 text-sky-900 ring-sky-300",
  CONCLUIDA: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  SUSPENDIDA: "bg-amber-50 text-amber-900 ring-amber-300",
  CANCELADA: "bg-rose-50 text-rose-900 ring-rose-300",
};

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge ${STYLES[status]}`}>{t.tracking.statuses[status]}</span>;
}

/** A progress bar with its figure written beside it. */
export function ProgressMeter({ value }: { value: number | null }) {
  if (value === null) return <span className="text-xs text-slate-700">{t.tracking.noProgress}</span>;
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <BarFill fraction={value / 100} className="h-2 w-16 rounded bg-slate-200" fill="fill-brand-600 print:fill-slate-700" />
      <span className="tabular-nums text-xs font-semibold text-slate-900">{formatPercent(value)}</span>
    </span>
  );
}
