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
  for (const name of names) {
    const prefix = `${foldText(name)} `;
    const longer = names.filter((other) => foldText(other).startsWith(prefix));
    if (longer.length > 0) hints[name] = t.planner.notIncluded(longer.map((other) => `«${other}»`).join(", "), longer.length);
  }
  return hints;
}
