/** Texts of the protections against abuse: upload limits, malformed requests, the user's own sessions. */
export const security = {
  importBusy: "Ya hay una importación en curso; intente en unos segundos.",
  bodyTooLargeTitle: "Archivo demasiado grande",
  bodyTooLarge: "El archivo supera 5 MB.",
  lengthRequiredTitle: "Falta el tamaño del envío",
  lengthRequired: "El envío debe declarar su tamaño (Content-Length); el portal no acepta cuerpos por partes sin tamaño.",
  badRequestTitle: "Solicitud inválida",
  badPath: "La dirección solicitada está mal escrita (una secuencia «%» no válida). Revise el enlace.",
  sessions: {
    title: "Mis sesiones",
    intro: "Los equipos y navegadores donde su cuenta tiene una sesión abierta. Si no reconoce alguno, ciérrelo y cambie su contraseña.",
    device: "Equipo",
    address: "Dirección",
    started: "Inicio",
    lastUsed: "Último uso",
    actions: "Acciones",
    current: "Esta sesión",
    deviceOn: (browser: string | null, system: string | null) =>
      browser && system ? `${browser} en ${system}` : (browser ?? system ?? "Navegador desconocido"),
    unknownAddress: "Desconocida",
    end: "Cerrar",
    endLabel: (device: string, when: string) => `la sesión de ${device}, usada por última vez el ${when}`,
    endOthers: "Cerrar todas las demás sesiones",
    ended: (count: number) =>
      count === 0 ? "No había otra sesión abierta." : count === 1 ? "Se cerró 1 sesión." : `Se cerraron ${count} sesiones.`,
    onlyThis: "No tiene otras sesiones abiertas.",
    table: "Sesiones abiertas",
  },
  menuLink: "Mis sesiones",
  signOut: {
    title: "Cerrar sesión",
    intro: "Cierra la sesión en este navegador. Las sesiones en otros equipos siguen abiertas (ciérrelas en «Mis sesiones»).",
    confirm: "Cerrar sesión",
    done: "Sesión cerrada.",
    alreadyOut: "No hay una sesión abierta en este navegador.",
    signInAgain: "Ingresar de nuevo",
  },
};
