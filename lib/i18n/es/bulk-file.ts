/** What the reader of an uploaded bulk-import file (lib/import/read-bulk-file.ts) tells the user. */
export const bulkFile = {
  empty: "El archivo está vacío.",
  tooLarge: (mb: number) => `El archivo supera ${mb} MB.`,
  unpacksTooLarge: (mb: number) => `El XLSX descomprimido supera ${mb} MB: no parece una exportación del portal.`,
  tooManyEntries: (n: number) => `El XLSX contiene más de ${n} partes: no parece una exportación del portal.`,
  tooManyRows: (max: number) => `El archivo tiene más de ${max} filas; el máximo es ${max}.`,
  recordTooLong: "Una fila del archivo es demasiado larga: no parece una exportación del portal.",
  invalidXlsx: "El archivo no es un XLSX válido.",
  noSheets: "El XLSX no tiene hojas.",
  invalidCsv: (line: number) => `El CSV está mal formado cerca de la línea ${line}.`,
  unsupportedType: "Tipo de archivo no admitido: use CSV, XLSX o la extracción de texto del documento (.txt).",
  nullBytes: "El archivo contiene bytes nulos: no es texto.",
  notUtf8: "El archivo no está en UTF-8. Guárdelo como «CSV UTF-8» e inténtelo de nuevo.",
  wrongColumns: (expected: string) =>
    `Las columnas no son las de la exportación. Se esperaban: ${expected} (y, opcionalmente, las de seguimiento).`,
  cellTooLong: (column: string, max: number) => `la columna «${column}» supera ${max} caracteres.`,
  formula: (column: string) => `la columna «${column}» contiene una fórmula; no se importan fórmulas.`,
  columnCount: (found: number, expected: number) => `tiene ${found} columnas; se esperaban ${expected}.`,
  invalidId: (raw: string) => `«${raw}» no es un id de iniciativa válido.`,
  invalidObjectiveCode: (raw: string) => `«${raw}» no es un código de objetivo de gestión.`,
  missingName: "falta el nombre de la iniciativa.",
  missingObjective: "falta el objetivo de articulación.",
  invalidNumber: (raw: string) => `«${raw}» no es un número de objetivo de articulación.`,
  inconsistent: (who: string | number, line: number) =>
    `la iniciativa ${who} aparece con nombres u objetivos distintos en la fila ${line} y en esta.`,
  numbering: "los objetivos de articulación deben numerarse 1, 2, 3… sin huecos ni repeticiones.",
  busy: "Otra importación está en curso en este servidor. Espere a que termine e inténtelo de nuevo en unos segundos.",
} as const;
