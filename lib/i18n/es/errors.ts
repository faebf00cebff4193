export const errors = {
  invalidParameters: "Parámetros inválidos.",
  internal: "Error interno del servidor.",
  formatParameter: "use «csv» o «xlsx».",
  idParameter: "se esperaba un número entero positivo.",
  initiativeNotFound: "No existe una iniciativa con ese id.",
  sessionRequired: "Sesión requerida.",
  title: "Algo salió mal",
  retry: "Intentar de nuevo",
  generic: "Ocurrió un error inesperado. Intente de nuevo en unos minutos.",
  notFound: "Página no encontrada",
  notFoundDetail: "La dirección no corresponde a ninguna página del portal.",
  backHome: "Volver al inicio",
  requestId: (id: string) => `Código de solicitud: ${id}`,
  unavailableTitle: "Servicio no disponible",
  unavailable:
    "El portal no puede consultar la base de datos en este momento. Sus datos están a salvo: ningún cambio quedó a medias. Intente de nuevo en unos minutos.",
  shuttingDown: "El servidor se está reiniciando. Intente de nuevo en unos segundos.",
} as const;
