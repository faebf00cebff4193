import type { ImportCounts, ImportReport } from "./import-matrix";

const row = (label: string, c: ImportCounts & { removed?: number }) =>
  `  ${label.padEnd(27)}${String(c.created).padStart(8)}${String(c.updated).padStart(13)}${String(c.unchanged).padStart(13)}${String(c.removed ?? 0).padStart(11)}`;

/** The import report printed by the CLI and the dev start-up, in Spanish. */
export function formatImportReport(file: string, report: ImportReport, resolutions: { line: number; message: string }[]) {
  const perObjective = Object.entries(report.initiativesPerObjective)
    .map(([code, n]) => `  ${code.padEnd(6)} ${String(n).padStart(4)} ${n === 1 ? "iniciativa" : "iniciativas"}`)
    .join("\n");
  const total = Object.values(report.initiativesPerObjective).reduce((a, b) => a + b, 0);
  return [
    `Importación de ${file}`,
    `  ${"Registros".padEnd(27)}${"Nuevos".padStart(8)}${"Actualizados".padStart(13)}${"Sin cambios".padStart(13)}${"Quitados".padStart(11)}`,
    row("Objetivos de desarrollo", report.developmentObjectives),
    row("Objetivos de gestión", report.managementObjectives),
    row("Mecanismos", report.mechanisms),
    row("Iniciativas", report.initiatives),
    row("Objetivos de articulación", report.articulationObjectives),
    row("Periodos de reporte", report.reportingPeriods),
    `Reemplazados según el archivo: seguimiento de ${report.trackingReplaced} iniciativa(s), instrumentos de ${report.instrumentsReplaced} objetivo(s), ` +
      `reportes de ${report.reportsReplaced}, indicadores de ${report.indicatorsReplaced} e hitos de ${report.milestonesReplaced} iniciativa(s), ` +
      `secretarías y avisos de ${report.peopleReplaced} persona(s)${report.thresholdsReplaced ? ", umbrales de los indicadores" : ""}.`,
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
