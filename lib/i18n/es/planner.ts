/** Honest figures, safe imports, guarded edits, Concejo reports and search help (issue 21). */
export const planner = {
  // Roll-ups with their coverage.
  withData: (counted: number, total: number) => `${counted} de ${total} con dato`,
  figure: (average: string, counted: number, total: number) => `${average} (${counted} de ${total} con dato)`,
  insufficient: "Datos insuficientes",
  insufficientDetail: (counted: number, total: number, coverage: string, min: string) =>
    `Solo ${counted} de ${total} iniciativas informan avance (${coverage}); se necesita al menos ${min} para dar un promedio.`,
  insufficientShort: (counted: number, total: number) => `Datos insuficientes (${counted} de ${total} con dato)`,
  noInitiatives: "Sin iniciativas vigentes",
  colCoverage: "Cobertura",
  thresholdNote: (min: string) =>
    `Un promedio se muestra solo si al menos ${min} de las iniciativas del grupo informan avance; por debajo se indica «Datos insuficientes».`,
  // Admin settings.
  settingsTitle: "Configuración del portal",
  settingsIntro: "Ajustes que valen para todo el portal. Cada cambio queda en la auditoría.",
  minCoverageLabel: "Cobertura mínima para mostrar un avance promedio (%)",
  minCoverageHint:
    "Porcentaje de las iniciativas de un grupo que deben informar avance para que el tablero, los objetivos, los informes y la API den su promedio. Por omisión, 50.",
  minCoverageInvalid: "Escriba un número entero entre 0 y 100.",
  settingsSaved: "Configuración guardada.",
  settingsConflict: "Otra persona cambió la configuración mientras usted la editaba. Recargue la página para ver el valor actual.",
  navSettings: "Configuración",
  codeParameter: "Debe ser un código de objetivo como «2» o «2.3».",
  objectiveNotFound: "No existe ese objetivo.",
} as const;
