export const forms = {
  fixErrors: "Revise los campos marcados.",
  save: "Guardar",
  saving: "Guardando…",
  cancel: "Cancelar",
  /** Said to screen readers after a row's button («Guardar», «Eliminar»…), naming the entry it acts on. */
  entry: (name: string) => `«${name}»`,
  /** A row's field as screen readers hear it: «Nombre de «Convenios»». */
  fieldOf: (field: string, name: string) => `${field} de «${name}»`,
} as const;
