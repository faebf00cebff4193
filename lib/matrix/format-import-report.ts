import type { ImportCounts, ImportReport } from "./import-matrix";

const line = (label: string, c: ImportCounts & { removed?: number }) =>
  `  ${label.padEnd(28)} ${c.created} nuevos, ${c.updated} actualizados, ${c.unchanged} sin cambios${c.removed ? `, ${c.removed} eliminados` : ""}`;

/** The import report printed by the CLI and the dev start-up, in Spanish. */
export function formatImportReport(file: string, report: ImportReport, resolutions: { line: number; message: string }[]) {
  const perObjective = Object.entries(report.initiativesPerObjective)
    .map(([code, n]) => `  ${code.padEnd(6)} ${String(n).padStart(4)} iniciativas`)
    .join("\n");
  const total = Object.values(report.initiativesPerObjective).reduce((a, b) => a + b, 0);
  return [
    `Importación de ${file}`,
    line("Objetivos de desarrollo", report.developmentObjectives),
    line("Objetivos de gestión", report.managementObjectives),
    line("Mecanismos", report.mechanisms),
    line("Iniciativas", report.initiatives),
    line("Objetivos de articulación", report.articulationObjectives),
    "Iniciativas por objetivo de gestión:",
    perObjective,
    `  Total  ${String(total).padStart(4)} iniciativas`,
    ...(report.untouchedInitiativeIds.length > 0
      ? [`Iniciativas en la base que el archivo no menciona (sin tocar): ${report.untouchedInitiativeIds.join(", ")}`]
      : []),
    ...(resolutions.length > 0
      ? [`Ambigüedades resueltas (${resolutions.length}):`, ...resolutions.map((r) => `  línea ${r.line}: ${r.message}`)]
      : []),
  ].join("\n");
}
