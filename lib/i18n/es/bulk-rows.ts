/** What the bulk import says about one row of the uploaded file, and about the file itself. */
export const bulkRows = {
  fileTooLarge: (megabytes: number) => `El archivo supera ${megabytes} MB.`,
  managementObjectiveMissing: (code: string) => `el objetivo de gestión ${code} no existe.`,
  unknownMechanisms: (names: string[]) => `mecanismo desconocido: ${names.map((m) => `«${m}»`).join(", ")}. Créelo antes en Vocabulario.`,
  duplicateName: (name: string, code: string, id: number) =>
    `ya existe «${name}» en el objetivo ${code} (id ${id}): escriba ese id en la columna «id» para actualizarla, o cambie el nombre.`,
  initiativeMissing: (id: number) => `no existe una iniciativa con id ${id} (deje el id vacío para crearla).`,
} as const;
