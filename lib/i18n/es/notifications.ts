/** Texts of the reminders and notifications: the bell, /notificaciones, the e-mails, /admin/envios and the user's settings. */

const initiativesCount = (count: number) => (count === 1 ? "1 iniciativa" : `${count} iniciativas`);

export const notifications = {
  bell: (unread: number) =>
    unread === 0 ? "Notificaciones: ninguna sin leer" : unread === 1 ? "Notificaciones: 1 sin leer" : `Notificaciones: ${unread} sin leer`,
  /** The badge caps what it shows; the label says the whole number. */
  badge: (unread: number) => (unread > 99 ? "99+" : String(unread)),
  page: {
    title: "Notificaciones",
    intro: "Recordatorios de reportes por vencer o atrasados, reportes devueltos para corrección y el resumen semanal.",
    empty: "No tiene notificaciones.",
    unread: "Sin leer",
    markAllRead: "Marcar todas como leídas",
    markedRead: (count: number) =>
      count === 0
        ? "No había notificaciones sin leer."
        : count === 1
          ? "1 notificación marcada como leída."
          : `${count} notificaciones marcadas como leídas.`,
    open: "Abrir",
    list: "Sus notificaciones, de la más reciente a la más antigua",
    emailOff: "El correo electrónico no está configurado en este portal: los avisos solo llegan aquí.",
    settingsLink: "Preferencias de notificación",
  },
  settings: {
    title: "Preferencias de notificación",
    intro:
      "Los recordatorios de reportes por vencer, atrasados o devueltos llegan siempre, aquí y por correo. El resumen semanal (reportes atrasados por secretaría) puede desactivarse.",
    weeklyDigest: "Recibir el resumen semanal de reportes atrasados",
    weeklyDigestHint: "Se envía los lunes a Planificación y Administración.",
    save: "Guardar preferencias",
    saved: "Preferencias guardadas.",
    menuLink: "Notificaciones",
  },
  kinds: {
    DUE_SOON: "Reporte por vencer",
    OVERDUE: "Reporte atrasado",
    REPORT_RETURNED: "Reporte devuelto",
    WEEKLY_DIGEST: "Resumen semanal",
  },
  dueSoon: {
    title: (period: string, due: string) => `El reporte del periodo «${period}» vence el ${due}`,
    body: (period: string, due: string, count: number) =>
      `Su secretaría tiene ${initiativesCount(count)} con el reporte pendiente en el periodo «${period}», que vence el ${due}:`,
  },
  overdue: {
    title: (period: string) => `Reportes atrasados del periodo «${period}»`,
    body: (period: string, due: string, count: number) =>
      `El plazo del periodo «${period}» venció el ${due} y su secretaría tiene ${initiativesCount(count)} con el reporte pendiente:`,
  },
  returned: {
    title: (initiative: string) => `Reporte devuelto: ${initiative}`,
    body: (initiative: string, period: string, reviewer: string | null) =>
      `${reviewer ?? "Planificación"} devolvió para corrección el reporte de «${initiative}» del periodo «${period}».`,
    reason: (reason: string) => `Motivo: ${reason}`,
  },
  digest: {
    title: (weekStart: string) => `Resumen semanal de reportes atrasados (semana del ${weekStart})`,
    body: (total: number) =>
      total === 0
        ? "No hay reportes atrasados en los periodos abiertos."
        : total === 1
          ? "Hay 1 reporte atrasado en los periodos abiertos:"
          : `Hay ${total} reportes atrasados en los periodos abiertos:`,
    line: (secretariat: string, count: number) => `${secretariat}: ${count}`,
    noSecretariat: "Sin secretaría responsable",
  },
  email: {
    greeting: (name: string) => `Hola, ${name}:`,
    open: (url: string) => `Ábralo en el portal: ${url}`,
    footer: (settingsUrl: string) =>
      `Matriz PMDOT · Municipio del Distrito Metropolitano de Quito. Mensaje automático, no lo responda. Sus preferencias de notificación: ${settingsUrl}`,
    subjectPrefix: "[Matriz PMDOT]",
  },
  deliveries: {
    title: "Envíos de correo",
    intro:
      "Cada correo que el portal envía o intenta enviar, con su estado. Un envío que falla se reintenta con esperas crecientes antes de quedar como fallido.",
    emailOff:
      "El correo electrónico está desactivado: falta SMTP_URL en la configuración del servidor. Las notificaciones solo se muestran en el portal.",
    emailOn: (from: string) => `El correo electrónico está activo; remitente: ${from}.`,
    filter: "Estado",
    all: "Todos",
    apply: "Filtrar",
    states: { PENDING: "Pendiente", SENT: "Enviado", FAILED: "Fallido" },
    stateParams: { pendiente: "PENDING", enviado: "SENT", fallido: "FAILED" },
    table: "Envíos de correo, del más reciente al más antiguo",
    created: "Creado",
    to: "Destinatario",
    subject: "Asunto",
    state: "Estado",
    attempts: "Intentos",
    sentAt: "Enviado",
    error: "Último error",
    empty: "No hay envíos con ese estado.",
    count: (shown: number, total: number) => (shown === total ? `${total} envíos` : `Se muestran ${shown} de ${total} envíos`),
    navLink: "Envíos de correo",
  },
} as const;
