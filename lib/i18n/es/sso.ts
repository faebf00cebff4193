/** Sign-in through the municipality's directory (OpenID Connect). */
export const sso = {
  /** On /admin/usuarios: the account is linked to the directory (its issuer in the tooltip). */
  directoryBadge: "Directorio",
  config: {
    groupRoles: (entry: string, roles: readonly string[]) =>
      `OIDC_GROUP_ROLES: «${entry}» debe ser grupo=ROL, con ROL uno de ${roles.join(", ")}`,
    groupSecretariats: (entry: string) =>
      `OIDC_GROUP_SECRETARIATS: «${entry}» debe ser grupo=secretaría, con el código de la secretaría (p. ej. pmdot-salud=salud)`,
    issuerUrl: "OIDC_ISSUER debe ser la URL del emisor, p. ej. https://sso.quito.gob.ec/realms/municipio",
    localAccounts: "AUTH_LOCAL_ACCOUNTS debe ser «all» o «admins-only»",
    together: "OIDC_ISSUER, OIDC_CLIENT_ID y OIDC_CLIENT_SECRET van juntas: defina las tres o ninguna",
    provisionNeedsAllowList:
      "OIDC_AUTO_PROVISION necesita OIDC_ALLOWED_DOMAINS u OIDC_ALLOWED_GROUPS: sin ellas cualquiera del directorio tendría cuenta",
    invalid: (message: string) => `Configuración inválida: ${message}.`,
  },
  divider: "o bien",
  signInWith: (name: string) => `Ingresar con ${name}`,
  localAdminsOnly:
    "Las cuentas con contraseña del portal están reservadas a la administración. El resto del personal ingresa con el directorio institucional.",
  errors: {
    "directorio-desconocido": "Su cuenta del directorio no está registrada en el portal. Pida acceso a la administración del portal.",
    "directorio-no-autorizado":
      "Su cuenta del directorio no pertenece a un dominio ni a un grupo autorizado para este portal. Pida acceso a la administración del portal.",
    "directorio-desactivado": "Su cuenta del portal está desactivada. Consulte con la administración del portal.",
    "directorio-sin-correo":
      "El directorio no entregó un correo verificado para su cuenta, y sin él no se la puede reconocer en el portal.",
    "directorio-otra-cuenta": "Su correo ya está vinculado a otra cuenta del directorio. Consulte con la administración del portal.",
    rejected:
      "No se pudo verificar la respuesta del directorio institucional, y por seguridad no se inició la sesión. Vuelva a intentarlo desde esta página.",
  },
} as const;

export type SsoErrorCode = Exclude<keyof typeof sso.errors, "rejected">;
