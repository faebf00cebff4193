export const account = {
  passwordChanged: "Contraseña actualizada. Sus otras sesiones se cerraron.",
  mustChange: "Está usando una contraseña temporal. Elija una contraseña propia para continuar.",
  mustChangeFirst: "Está usando una contraseña temporal: cámbiela en /cuenta/contrasena antes de continuar.",
  currentPassword: "Contraseña actual",
  newPassword: "Nueva contraseña",
  confirmPassword: "Repita la nueva contraseña",
  passwordHint: (min: number) =>
    `Al menos ${min} caracteres. Una frase de varias palabras es fácil de recordar y difícil de adivinar. No se aceptan contraseñas comunes.`,
} as const;
