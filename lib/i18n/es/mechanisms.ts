export const mechanisms = {
  title: "Mecanismos de articulación",
  pageTitle: (name: string) => `${name} · Mecanismos de articulación`,
  intro:
    "Vocabulario controlado de los mecanismos con que el municipio articula sus iniciativas con otros actores, y cuántas iniciativas usan cada uno.",
  name: "Mecanismo",
  initiatives: "Iniciativas",
  objectives: "Objetivos de articulación",
  outsideVocabulary:
    "Los mecanismos marcados no figuran en las listas del documento (nota ² e introducción): aparecen solo en la tabla o se añadieron después.",
  usedBy: (n: number) => (n === 1 ? "1 iniciativa usa este mecanismo." : `${n} iniciativas usan este mecanismo.`),
  inObjectives: "En los objetivos de articulación:",
  none: "Ninguna iniciativa vigente usa este mecanismo.",
  byObjective: "Por objetivo de gestión",
  partial: (shown: string, total: string) => `Se muestran las primeras ${shown} de ${total} iniciativas, en el orden del documento.`,
  viewAll: "Ver todas en la tabla de iniciativas",
} as const;
