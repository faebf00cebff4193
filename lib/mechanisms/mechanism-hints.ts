import { planner } from "@/lib/i18n/es/planner";
import { foldText } from "@/lib/text/search-text";

// Only the namespaces used here: this module reaches client bundles, and the whole catalogue stays out of them.
const t = { planner } as const;

/**
 * Mechanisms whose name begins another's («Convenios» and «Convenios de
 * delegación») are easy to take for one: each such name gets a hint naming the
 * longer ones it does not include. By name, so it holds for any vocabulary.
 */
export function mechanismHints(names: readonly string[]): Record<string, string> {
  const hints: Record<string, string> = {};
  // Folded once each: the table asks on every request, and folding is what costs.
  const folded = names.map(foldText);
  for (const [n, name] of names.entries()) {
    const prefix = `${folded[n]} `;
    const longer = names.filter((_, m) => folded[m]!.startsWith(prefix));
    if (longer.length > 0) hints[name] = t.planner.notIncluded(longer.map((other) => `«${other}»`).join(", "), longer.length);
  }
  return hints;
}
