export const bulk = {
  fileRequired: "Elija un archivo.",
  applied: (added: number, changed: number, archived: number) =>
    `Importación aplicada: ${added} nuevas, ${changed} modificadas, ${archived} archivadas.`,
  rowsWithErrors: (n: number) =>
    `El archivo tiene ${n} fila(s) que no se pueden aplicar. Corríjalas: no se aplicará nada mientras haya errores.`,
  reviewReady: "Revisión lista. Compruebe los cambios antes de aplicarlos.",
  invalidRows: "El archivo tiene filas inválidas: no se aplicó nada.",
  stalePreview: "La matriz cambió desde la revisión. Vuelva a revisar el archivo antes de aplicarlo.",
  title: "Importación masiva",
  intro:
    "Suba un CSV o XLSX con las columnas de la exportación, o una nueva extracción de texto del documento fuente. Primero verá qué se añadiría, cambiaría o archivaría, y cada fila inválida con su número; después puede aplicarlo todo de una vez o nada.",
  file: "Archivo (CSV, XLSX o TXT, hasta 5 MB)",
  fileHint: "Para preparar un archivo, exporte la tabla de iniciativas y edítelo: deje vacío el «Id iniciativa» de las nuevas.",
  archiveMissing: "Archivar las iniciativas vigentes que no estén en el archivo (úselo solo con la matriz completa)",
  review: "Revisar sin aplicar",
  apply: "Aplicar todos estos cambios",
  working: "Procesando…",
  previewTitle: "Revisión (nada se ha aplicado todavía)",
  appliedTitle: "Cambios aplicados",
  summary: (add: number, change: number, archive: number, same: number) =>
    `${add} nuevas · ${change} modificadas · ${archive} por archivar · ${same} sin cambios`,
  errors: "Filas inválidas",
  rowError: (line: number, message: string) => `Fila ${line}: ${message}`,
  toAdd: "Iniciativas nuevas",
  toChange: "Iniciativas modificadas",
  toArchive: "Iniciativas por archivar",
} as const;
