import { t } from "@/lib/i18n";
import { foldText } from "@/lib/text/search-text";

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
