import type { ReportState } from "@/lib/accountability/report-status";
import { accountability } from "@/lib/i18n/es/accountability";

const t = { accountability } as const;

// The label is always written: colour is never the only cue.
const STYLES: Record<ReportState, string> = {
  pendiente: "bg-slate-100 text-slate-800 ring-slate-300",
  enviado: "bg-sky-50 text-sky-900 ring-sky-300",
  devuelto: "bg-amber-50 text-amber-900 ring-amber-300",
  aprobado: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  atrasado: "bg-rose-50 text-rose-900 ring-rose-300",
  excluido: "bg-slate-50 text-slate-700 ring-slate-300",
};

export function ReportStateBadge({ state }: { state: ReportState }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLES[state]}`}
      data-testid="report-state"
    >
      {t.accountability.states[state]}
    </span>
  );
}
