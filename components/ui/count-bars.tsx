import { Link } from "@/components/ui/link";
import { BarFill } from "./bar-fill";

/** A horizontal bar chart as a list: every bar carries its number and its label, so colour is never the only cue. */
export function CountBars({ items, caption }: { items: { label: string; value: number; href?: string }[]; caption: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <figure>
      <figcaption className="sr-only">{caption}</figcaption>
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.label} className="grid grid-cols-[minmax(8rem,14rem)_1fr_3rem] items-center gap-3 text-sm">
            <span className="truncate" title={item.label}>
              {item.href ? (
                <Link href={item.href} className="text-brand-700 underline-offset-2 hover:underline">
                  {item.label}
                </Link>
              ) : (
                item.label
              )}
            </span>
            <BarFill fraction={item.value / max} className="h-3 w-full rounded bg-slate-100" fill="fill-brand-600 print:fill-slate-700" />
            <span className="text-right tabular-nums font-semibold">{item.value}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
