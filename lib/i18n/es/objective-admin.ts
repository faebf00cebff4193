export const objectiveAdmin = {
  titleSaved: (code: string) => `Título del objetivo ${code} guardado.`,
  title: "Títulos de los objetivos",
  intro:
    "Corrija los títulos de los objetivos de desarrollo y de gestión. Cada cambio queda en la auditoría y no sobrescribe el de otra persona.",
  titleOf: (code: string) => (code.includes(".") ? `Objetivo de gestión ${code}` : `Título del objetivo de desarrollo ${code}`),
} as const;
