/** What the operator commands (`npm run …`, scripts/) and the production server (`npm start`, server/) print at the console. */
export const cli = {
  emptyMatrix: "La base de datos no tiene la matriz (0 iniciativas): cárguela con «npm run matrix:import» y vuelva a ejecutar el comando.",
  backup: {
    written: (file: string) => `Respaldo escrito en ${file}`,
    schema: (migrations: number, last: string | undefined, version: string) =>
      `Esquema: ${migrations} migraciones, la última ${last}; portal ${version}.`,
  },
  restore: {
    usage: "Uso: npm run restore -- archivo.json (en una base vacía, recién migrada)",
    restored: (file: string, createdAt: Date, version: string) =>
      `Respaldo restaurado desde ${file} (escrito el ${createdAt.toISOString()} por la versión ${version} del portal).`,
    usersWithoutPassword: (users: number) =>
      `Las cuentas restauradas (${users}) no tienen contraseña utilizable: el respaldo no lleva contraseñas. ` +
      "Emita una contraseña temporal a un administrador con `npm run user:reset-password -- --email correo@quito.gob.ec` " +
      "y, desde /admin/usuarios («Restablecer contraseña»), a las demás cuentas.",
  },
  build: {
    compiled: (dir: string) => `Servidor y comandos compilados en ${dir}/.`,
  },
  migrations: {
    upToDate: (total: number) => `La base está al día (${total} migraciones).`,
    applied: (count: number) => `${count} migración(es) aplicada(s).`,
  },
  dev: {
    demoAccounts: "Cuentas de demostración (contraseñas aleatorias, se muestran solo ahora):",
    adminTwoFactor: "La cuenta ADMIN activa la verificación en dos pasos en su primer ingreso: tenga a mano una aplicación TOTP.",
    prepareFailed: (message: string) => `Error al preparar la base de datos: ${message}`,
    portalAt: (url: string) => `Portal en ${url}`,
    demoIndicators: (count: number) => `Indicadores de demostración: ${count}.`,
  },
  users: {
    createUsage:
      'Uso: npm run user:create -- --email correo@quito.gob.ec --name "Nombre Apellido" --role ADMIN|PLANNER|REPORTER|VIEWER [--password CONTRASEÑA] [--secretariat CÓDIGO|NOMBRE]…',
    created: (email: string, name: string, role: string) => `Usuario creado: ${email} (${name}), perfil ${role}.`,
    temporaryPassword: (password: string) => `Contraseña temporal (se muestra una sola vez; se pedirá cambiarla al ingresar): ${password}`,
    resetUsage: "Uso: npm run user:reset-password -- --email correo@quito.gob.ec",
    emailInvalid: "--email: escriba un correo válido.",
    unknownEmail: (email: string) => `No existe un usuario con el correo ${email}.`,
    passwordReset: (email: string) => `Contraseña de ${email} restablecida; sus sesiones se cerraron.`,
    noDemo: "No hay cuentas de demostración.",
    demoRemoved: (count: number) => `${count} cuenta(s) de demostración eliminada(s).`,
  },
  server: {
    workerFailed: (pid: number | undefined, reason: string | number) =>
      `No se pudo iniciar el portal (proceso ${pid} terminó con ${reason}).`,
    startFailed: (message: string) => `No se pudo iniciar el portal: ${message}`,
  },
} as const;
