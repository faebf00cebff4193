export const mechanismAdmin = {
  created: (name: string) => `Mecanismo «${name}» creado.`,
  updated: "Mecanismo actualizado.",
  merged: (links: number, initiatives: number) => `Fusión hecha: ${links} usos trasladados en ${initiatives} iniciativas.`,
  title: "Vocabulario de mecanismos",
  intro:
    "Añada, renombre o describa mecanismos de articulación. Si dos entradas son el mismo mecanismo, fusione la duplicada en la otra: todos sus usos pasan a la que se conserva.",
  create: "Nuevo mecanismo",
  createSubmit: "Crear mecanismo",
  name: "Nombre",
  description: "Descripción",
  uses: (n: number) => (n === 1 ? "Usado en 1 objetivo de articulación." : `Usado en ${n} objetivos de articulación.`),
  mergeInto: (name: string) => `Fusionar «${name}» en`,
  choose: "Elija el mecanismo que se conserva…",
  merge: "Fusionar",
  mergeConfirm: (name: string) => `¿Fusionar «${name}»? Sus usos pasarán al mecanismo elegido y esta entrada desaparecerá del vocabulario.`,
} as const;
