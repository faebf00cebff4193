export const views = {
  saved: (name: string) => `Vista «${name}» guardada.`,
  removed: "Vista eliminada.",
  menu: (n: number) => `Vistas guardadas (${n})`,
  none: "Aún no ha guardado vistas.",
  saveCurrent: "Guardar la vista actual",
  name: "Nombre de la vista",
  save: "Guardar vista",
  delete: (name: string) => `Eliminar la vista «${name}»`,
} as const;
