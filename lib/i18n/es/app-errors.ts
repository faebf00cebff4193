/** What an AppError says when the code that raised it gives no message of its own. */
export const appErrors = {
  validation: "Revise los datos ingresados.",
  unauthorized: "Sesión requerida.",
  forbidden: "No tiene permiso para esta acción.",
  not_found: "Lo que busca no existe.",
  conflict: "Otra persona cambió estos datos mientras usted los editaba. Recargue la página.",
  rate_limited: "Demasiados intentos. Espere unos minutos e intente de nuevo.",
  too_large: "El contenido enviado es demasiado grande.",
  config: "La configuración del portal no es válida.",
  unavailable: "El servicio no está disponible en este momento. Intente de nuevo en unos minutos.",
  internal: "Ocurrió un error inesperado. Intente de nuevo en unos minutos.",
  cliLine: (message: string) => `Error: ${message}`,
} as const;
