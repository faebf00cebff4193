export const objective = {
  development: (code: string) => `Objetivo de desarrollo ${code}`,
  management: (code: string) => `Objetivo de gestión ${code}`,
  initiatives: "Iniciativas",
  managementObjectives: "Objetivos de gestión",
  mechanisms: "Mecanismos usados por sus iniciativas",
  mechanismsCaption: "Número de iniciativas que usan cada mecanismo",
  viewInTable: "Ver en la tabla de iniciativas",
  objectivesCount: (n: number) => (n === 1 ? "1 objetivo de articulación" : `${n} objetivos de articulación`),
  none: "Este objetivo no tiene iniciativas vigentes.",
} as const;
