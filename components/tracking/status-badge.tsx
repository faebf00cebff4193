import { formatPercent } from "@/lib/i18n/format";
import { tracking } from "@/lib/i18n/es/tracking";
import { STATUS_SLUGS, type Status } from "@/lib/tracking/statuses";
import { BarFill } from "@/components/ui/bar-fill";

// Only the namespaces used here: this module reaches client bundles, and the whole catalogue stays out of them.
const t = { tracking } as const;

// Each status has its own colour (app/globals.css, `.badge.<slug>`: one short class on every row), but the label is always written: colour is never the only cue.
export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge ${STATUS_SLUGS[status]}`}>{t.tracking.statuses[status]}</span>;
}

/** A progress bar with its figure written beside it. */
export function ProgressMeter({ value }: { value: number | null }) {
  if (value === null) return <span className="no-progress">{t.tracking.noProgress}</span>;
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <BarFill fraction={value / 100} className="h-2 w-16 rounded bg-slate-200" fill="fill-brand-600 print:fill-slate-700" />
      <span className="tabular-nums text-xs font-semibold text-slate-900">{formatPercent(value)}</span>
    </span>
  );
}
