export const home = {
  title: "Estructura del plan",
  intro:
    "La matriz alinea cada iniciativa de articulación con un objetivo de gestión y, a través de él, con uno de los tres objetivos de desarrollo del Distrito Metropolitano de Quito.",
  developmentObjective: (code: string) => `Objetivo de desarrollo ${code}`,
  managementObjectives: "Objetivos de gestión",
  initiativesCount: (n: number) => (n === 1 ? "1 iniciativa" : `${n} iniciativas`),
  summary: (initiatives: number, management: number, mechanisms: number) =>
    `${initiatives} iniciativas en ${management} objetivos de gestión, articuladas mediante ${mechanisms} tipos de mecanismo.`,
  empty: "La matriz aún no tiene datos. Ejecute «npm run matrix:import» para cargar el Apéndice 12.",
  colCode: "Código",
  colObjective: "Objetivo de gestión",
  colInitiatives: "Iniciativas",
} as const;
