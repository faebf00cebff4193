/** Honest figures, safe imports, guarded edits, Concejo reports and search help (issue 21). */
export const planner = {
  // Roll-ups with their coverage.
  withData: (counted: number, total: number) => `${counted} de ${total} con dato`,
  figure: (average: string, counted: number, total: number) => `${average} (${counted} de ${total} con dato)`,
  insufficient: "Datos insuficientes",
  insufficientDetail: (counted: number, total: number, coverage: string, min: string) =>
    `Solo ${counted} de ${total} iniciativas informan avance (${coverage}); se necesita al menos ${min} para dar un promedio.`,
  noneReports: (total: number) =>
    total === 1 ? "La iniciativa no informa avance todavía." : `Ninguna de las ${total} iniciativas informa avance todavía.`,
  insufficientShort: (counted: number, total: number) => `Datos insuficientes (${counted} de ${total} con dato)`,
  noInitiatives: "Sin iniciativas vigentes",
  colCoverage: "Cobertura",
  thresholdNote: (min: string) =>
    `Un promedio se muestra solo si al menos ${min} de las iniciativas del grupo informan avance; por debajo se indica «Datos insuficientes».`,
  // Admin settings.
  settingsTitle: "Configuración del portal",
  settingsIntro: "Ajustes que valen para todo el portal. Cada cambio queda en la auditoría.",
  minCoverageLabel: "Cobertura mínima para mostrar un avance promedio (%)",
  minCoverageHint:
    "Porcentaje de las iniciativas de un grupo que deben informar avance para que el tablero, los objetivos, los informes y la API den su promedio. Por omisión, 50.",
  minCoverageInvalid: "Escriba un número entero entre 0 y 100.",
  settingsSaved: "Configuración guardada.",
  settingsConflict: "Otra persona cambió la configuración mientras usted la editaba. Recargue la página para ver el valor actual.",
  navSettings: "Configuración",
  codeParameter: "Debe ser un código de objetivo como «2» o «2.3».",
  objectiveNotFound: "No existe ese objetivo.",
  // Bulk import: ignored columns and rows edited after the export.
  invalidVersion: (raw: string) => `la «Versión» «${raw}» no es un número entero positivo (no la modifique: viene de la exportación).`,
  ignoredColumn: (column: string, file: string, portal: string, derived: boolean) =>
    `columna ignorada: ${column} («${file || "(vacío)"}» en el archivo, «${portal || "(vacío)"}» en el portal). ${
      derived
        ? "Los títulos de los objetivos se editan en Administración › Objetivos."
        : "El seguimiento se registra en la ficha de la iniciativa, no en la importación."
    }`,
  staleUndecided: (n: number) =>
    n === 1
      ? "Una fila cambió en el portal después de la exportación: elija si conserva lo del portal o aplica el archivo."
      : `${n} filas cambiaron en el portal después de la exportación: elija para cada una (o para todas) si conserva lo del portal o aplica el archivo.`,
  warningsTitle: "Columnas que no se importan",
  warningsIntro: "Estas celdas difieren del portal, pero la importación no las escribe: no se perderá nada de lo que ya está guardado.",
  unversioned:
    "El archivo no tiene la columna «Versión» (es una exportación antigua): no se puede saber si alguna iniciativa cambió en el portal después. Revise cada cambio antes de aplicarlo.",
  staleTitle: "Filas que cambiaron en el portal después de la exportación",
  staleIntro: "Aplicarlas desharía lo que alguien guardó después de exportar el archivo. Elija para cada una, o para todas, qué conservar.",
  staleBadge: (fileVersion: number, currentVersion: number) =>
    `Cambió en el portal después de la exportación (versión ${fileVersion} en el archivo, ${currentVersion} en el portal)`,
  staleChoice: (name: string) => `Qué hacer con «${name}»`,
  keepPortal: "Conservar lo del portal (no aplicar esta fila)",
  overwriteWithFile: "Aplicar el archivo (deshace el cambio posterior)",
  allKeep: "Para todas: conservar lo del portal",
  allOverwrite: "Para todas: aplicar el archivo",
  summaryExtra: (warnings: number, stale: number) =>
    [warnings > 0 ? `${warnings} celdas ignoradas` : null, stale > 0 ? `${stale} cambiadas después de exportar` : null]
      .filter(Boolean)
      .join(" · "),
  appliedKept: (n: number) => (n === 0 ? "" : ` Se conservó lo del portal en ${n === 1 ? "1 fila" : `${n} filas`}.`),
  // Unsaved changes.
  leaveConfirm: "Hay cambios sin guardar en esta página. ¿Salir de todos modos y descartarlos?",
  changesSaved: "Cambios guardados",
  // Concejo report.
  reportColInitiative: "Iniciativa",
  reportColMechanisms: "Mecanismos",
  reportColLead: "Responsable",
  reportColProgress: "Avance y fecha",
  reportSupporting: (names: string) => `Apoyo: ${names}`,
  // What an export holds.
  filters: {
    search: (q: string) => `Búsqueda: «${q}»`,
    development: (codes: string) => `Objetivo de desarrollo: ${codes}`,
    management: (codes: string) => `Objetivo de gestión: ${codes}`,
    mechanisms: (all: boolean, names: string) => `Mecanismos (${all ? "todos" : "cualquiera"}): ${names}`,
    status: (labels: string) => `Estado: ${labels}`,
    lead: (names: string) => `Secretaría responsable: ${names}`,
    indicator: (labels: string) => `Semáforo de indicadores (alguno): ${labels}`,
  },
  contentsSheet: "Contenido",
  contentsTitle: "Matriz PMDOT · Exportación de iniciativas",
  contentsDate: "Fecha de la exportación",
  contentsFilters: "Filtros aplicados",
  contentsNoFilters: "Ninguno: todas las iniciativas vigentes",
  contentsRows: "Filas",
  contentsRowsText: "Una por objetivo de articulación, en la hoja «Iniciativas».",
  contentsVersion: "Columna «Versión»",
  contentsVersionText:
    "La versión de cada iniciativa al exportar: al importar el archivo, las filas que cambiaron después en el portal se señalan y no se aplican sin su confirmación.",
  // Typo help.
  notIncluded: (names: string, n: number) => `No incluye ${names}, que ${n === 1 ? "es otro mecanismo" : "son otros mecanismos"}.`,
  suggestionsTitle: "¿Quiso decir…?",
  suggestedSearch: (q: string) => `Buscar «${q}»`,
  suggestedInitiatives: "Iniciativas con un texto parecido (en toda la matriz):",
} as const;
