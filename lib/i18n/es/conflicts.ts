/** Refusals of a write that lost a race, and of one that would break what another record needs. */
export const conflicts = {
  initiative: "Otra persona guardó esta iniciativa mientras usted la editaba. Compare los cambios y elija qué conservar.",
  tracking: (what: string) =>
    `Otra persona modificó ${what} mientras usted escribía. Recargue la página para ver lo guardado; su texto sigue en el formulario.`,
  subjects: {
    tracking: "el seguimiento de esta iniciativa",
    instrument: "este instrumento",
    secretariat: "esta secretaría",
    counterpart: "este actor",
    ownership: "los responsables de esta iniciativa",
  },
  instrumentKeepsType: (title: string, objective: string, mechanism: string) =>
    `El instrumento «${title}» del objetivo de articulación «${objective}» es de tipo «${mechanism}»: ese mecanismo no se puede quitar del objetivo mientras el instrumento exista. Cambie o elimine el instrumento en Seguimiento primero.`,
} as const;
