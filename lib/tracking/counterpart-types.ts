/**
 * Kinds of counterpart actor, as the document's introduction lists them
 * (footnote 1: "Actores considerados"). The code is stored; the label is shown.
 */
export const COUNTERPART_TYPES = {
  "sociedad-civil": "Sociedad civil",
  comunas: "Comunas",
  "comites-pro-mejoras": "Comités pro mejoras",
  "ligas-barriales": "Ligas barriales",
  "asambleas-sectoriales": "Asambleas sectoriales",
  clubes: "Clubes",
  colectivos: "Colectivos",
  fundaciones: "Fundaciones",
  "organizaciones-sociales": "Organizaciones sociales",
  cooperativas: "Cooperativas",
  "constructoras-inmobiliarias": "Constructoras e inmobiliarias",
  camaras: "Cámaras",
  "sectores-productivos": "Sectores productivos",
  "industria-empresas": "Industria y empresas",
  "banca-finanzas": "Banca y finanzas",
  "universidades-academia": "Universidades y academia",
  "organismos-internacionales": "Organismos y agencias internacionales",
  "organismos-multilaterales": "Organismos multilaterales",
  gad: "Gobiernos autónomos descentralizados (GAD)",
  mancomunidades: "Mancomunidades",
  otros: "Otros",
} as const;

export type CounterpartType = keyof typeof COUNTERPART_TYPES;
export const COUNTERPART_TYPE_CODES = Object.keys(COUNTERPART_TYPES) as [CounterpartType, ...CounterpartType[]];

/** The label of a stored type code (the code itself if the list no longer has it). */
export const counterpartTypeLabel = (type: string) => COUNTERPART_TYPES[type as CounterpartType] ?? type;
