export const initiative = {
  breadcrumb: "Ruta de navegación",
  articulationObjectives: "Objetivos de articulación",
  objectiveNumber: (n: number) => `Objetivo de articulación ${n}`,
  mechanisms: "Mecanismos de articulación",
  noMechanisms: "Sin mecanismo indicado en el documento.",
  source: "Fuente",
  sourceText: (page: number | null, line: number | null) =>
    page && line
      ? `PMDOT 2024-2033, Apéndice 12, Anexo 1 «Matriz de inserción estratégica territorial», página ${page} de la matriz (línea ${line} de la extracción de texto).`
      : "Registro creado en el portal; no proviene del documento fuente.",
  sameObjective: "Otras iniciativas del mismo objetivo de gestión",
  sharingMechanisms: "Iniciativas de otros objetivos con mecanismos en común",
  sharedCount: (n: number) => (n === 1 ? "1 mecanismo en común" : `${n} mecanismos en común`),
  noneRelated: "Ninguna.",
  print: "Imprimir ficha",
  printedOn: (date: string) => `Ficha generada el ${date}`,
  archived: "Iniciativa archivada",
} as const;
