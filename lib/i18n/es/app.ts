export const app = {
  name: "Matriz PMDOT",
  longName: "Matriz de inserción estratégica territorial",
  owner: "Municipio del Distrito Metropolitano de Quito",
  plan: "PMDOT 2024-2033 · Apéndice 12",
  skipToContent: "Saltar al contenido principal",
  footer: "Plan Metropolitano de Desarrollo y Ordenamiento Territorial 2024-2033 · Apéndice 12: Inserción estratégica territorial.",
} as const;
