export const grid = {
  title: "Matriz de inserción estratégica",
  intro:
    "Objetivos de gestión en filas y mecanismos de articulación en columnas. Cada celda indica cuántas iniciativas del objetivo usan el mecanismo; el tono acompaña al número. Cada número lleva a la tabla filtrada.",
  caption: "Iniciativas por objetivo de gestión y mecanismo de articulación",
  objective: "Objetivo de gestión",
  cellLabel: (n: number, code: string, mechanism: string) => `${n} iniciativas de ${code} con ${mechanism}`,
} as const;
