import { describe, expect, it } from "vitest";
import { passwordProblem, passwordSchema } from "@/lib/auth/password-policy";

describe("política de contraseñas", () => {
  it("exige al menos 12 caracteres y acepta 64 o más", () => {
    expect(passwordProblem("corta-11ch!")).toMatch(/al menos 12/);
    expect(passwordProblem("río verde sobre el pichincha")).toBeNull();
    expect(passwordProblem("a1b2c3d4e5f6".repeat(6))).toBeNull();
    expect(passwordProblem("x".repeat(129))).toMatch(/no puede superar/);
  });

  it("no impone reglas de composición: solo minúsculas y espacios vale", () => {
    expect(passwordProblem("caballo bateria grapa correcta")).toBeNull();
  });

  it("rechaza las contraseñas más comunes, también con números añadidos", () => {
    expect(passwordProblem("qwerty123456")).toMatch(/más usadas/);
    expect(passwordProblem("Contraseña2024!")).toMatch(/más usadas/);
    expect(passwordProblem("passwordpassword")).toMatch(/más usadas/);
  });

  it("rechaza caracteres repetidos o en secuencia", () => {
    expect(passwordProblem("aaaaaaaaaaaaaa")).toMatch(/predecible/);
    expect(passwordProblem("abcdefghijklmn")).toMatch(/predecible/);
  });

  it("rechaza contraseñas que contienen el correo o el nombre del usuario", () => {
    expect(passwordProblem("mi clave es jperez siempre", { email: "jperez@quito.gob.ec" })).toMatch(/nombre ni su correo/);
    expect(passwordProblem("gabriela en la montaña", { name: "Gabriela Torres" })).toMatch(/nombre ni su correo/);
  });

  it("el esquema zod devuelve el motivo en español", () => {
    const result = passwordSchema.safeParse("123");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/al menos 12 caracteres/);
  });
});
