/** The exchange files of indicators and measurements (lib/indicators/indicator-file.ts) and their import page. */
export const indicatorFile = {
  // Column headers: the import reads them back by name.
  columns: {
    id: "Id indicador",
    initiativeId: "Id iniciativa",
    initiative: "Iniciativa",
    name: "Indicador",
    unit: "Unidad",
    direction: "Sentido",
    baselineYear: "Año línea base",
    baselineValue: "Valor línea base",
    dataSource: "Fuente de datos",
    secretariat: "Secretaría responsable",
    target: (year: number) => `Meta ${year}`,
    version: "Versión",
    measurementId: "Id medición",
    measuredOn: "Fecha",
    value: "Valor",
    note: "Nota",
    explanation: "Explicación del desvío",
    evidenceUrl: "Enlace a la evidencia",
  },
  sheets: { indicators: "Indicadores", measurements: "Mediciones" },
  contentsTitle: { indicators: "Indicadores y metas anuales", measurements: "Mediciones de los indicadores" },
  contentsText: {
    indicators:
      "Una fila por indicador, con su línea base y una columna por meta anual. Deje vacío el «Id indicador» para crear uno nuevo; la «Versión» dice con qué versión se exportó.",
    measurements:
      "Una fila por medición. Deje vacío el «Id medición» para registrar una nueva; «Indicador» e «Id iniciativa» solo informan y no se importan.",
  },
  contentsAbout: "Qué contiene",
  kinds: { indicators: "Indicadores y metas", measurements: "Mediciones" },
  fileNames: { indicators: "indicadores", measurements: "mediciones" },
  kindParameter: "use «indicadores» o «mediciones».",
  initiativeParameter: "escriba el id de una iniciativa.",
  // Reading.
  wrongColumns: (indicators: string, measurements: string) =>
    `Las columnas no son las de una exportación de indicadores (${indicators}) ni de mediciones (${measurements}).`,
  wrongKind: (found: string, chosen: string) => `El archivo es de «${found}», pero eligió importar «${chosen}».`,
  cell: (column: string, message: string) => `columna «${column}»: ${message}`,
  invalidId: (raw: string) => `«${raw}» no es un id válido.`,
  idRequired: "falta el id.",
  versionRequired: "falta la versión con que se exportó la fila.",
  secretariatUnknown: (name: string) => `no hay una secretaría «${name}».`,
  duplicate: (id: number, line: number) => `el id ${id} ya aparece en la fila ${line}.`,
  // Planning.
  initiativeMissing: (id: number) => `no hay una iniciativa con el id ${id}.`,
  initiativeArchived: (id: number) => `la iniciativa ${id} está archivada.`,
  indicatorMissing: (id: number) => `no hay un indicador con el id ${id}.`,
  measurementMissing: (id: number) => `no hay una medición con el id ${id}.`,
  movedIndicator: (current: number) => `un indicador no cambia de iniciativa (es de la ${current}).`,
  movedMeasurement: (current: number) => `una medición no cambia de indicador (es del ${current}).`,
  notYours: (initiativeId: number) =>
    `no puede registrar mediciones de la iniciativa ${initiativeId}: sus secretarías no la lideran ni la apoyan.`,
  stale: (fileVersion: number, current: number) =>
    `se modificó en el portal después de exportar el archivo (versión ${fileVersion} en el archivo, ${current} ahora). Exporte de nuevo y rehaga el cambio.`,
  rowFailed: (line: number, message: string) => `Fila ${line}: ${message} No se aplicó nada.`,
  // Page.
  title: "Indicadores: exportar e importar",
  intro:
    "Exporte los indicadores con sus metas anuales, o sus mediciones, en CSV o XLSX; edite el archivo y vuelva a subirlo. Primero verá qué se crearía o cambiaría y cada fila inválida con su columna; después se aplica todo o nada.",
  navLink: "Indicadores: archivos",
  exportTitle: "Exportar",
  exportInitiative: {
    indicadores: "Exportar los indicadores y metas de esta iniciativa (XLSX)",
    mediciones: "Exportar sus mediciones (XLSX)",
  },
  exportLink: (kind: string, format: string) => `${kind} (${format})`,
  importTitle: "Importar",
  kindLegend: "Qué contiene el archivo",
  kindRequired: "Elija si el archivo es de indicadores o de mediciones.",
  file: "Archivo (CSV o XLSX, hasta 5 MB)",
  fileHint: "Use un archivo exportado aquí: deje vacío el id de las filas nuevas.",
  reporterHint: "Con el perfil de reporte solo puede importar mediciones de las iniciativas de sus secretarías.",
  summary: (add: number, change: number, same: number) => `${add} nuevas · ${change} modificadas · ${same} sin cambios`,
  toAdd: "Filas nuevas",
  toChange: "Filas modificadas",
  applied: (add: number, change: number) => `Importación aplicada: ${add} nuevas, ${change} modificadas.`,
  nothingToApply: "El archivo no cambia nada.",
} as const;
