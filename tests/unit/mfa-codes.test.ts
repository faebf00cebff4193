import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/mfa-secret-box";
import { generateRecoveryCodes, normalizeRecoveryCode, normalizeTotpCode } from "@/lib/auth/recovery-codes";
import { checkTotp, newTotpSecret, totpQrSvg, totpUri } from "@/lib/auth/totp";

const KEY = "clave-de-prueba-0123456789abcdefghijklmnopqrstuv";

describe("secreto TOTP cifrado", () => {
  it("se abre con la misma clave y el mismo usuario, y no deja ver el secreto", () => {
    const secret = newTotpSecret();
    const box = sealTotpSecret(secret, 7, KEY);
    expect(box).not.toContain(secret);
    expect(box.startsWith("v1:")).toBe(true);
    expect(openTotpSecret(box, 7, KEY)).toBe(secret);
    // A fresh IV each time: the same secret never gives the same box.
    expect(sealTotpSecret(secret, 7, KEY)).not.toBe(box);
  });

  it("no se abre con otra clave, para otro usuario ni alterado", () => {
    const box = sealTotpSecret(newTotpSecret(), 7, KEY);
    expect(openTotpSecret(box, 7, `${KEY}x`)).toBeNull();
    expect(openTotpSecret(box, 8, KEY)).toBeNull();
    const payload = Buffer.from(box.slice(3), "base64url");
    payload[20] = payload[20]! ^ 1;
    expect(openTotpSecret(`v1:${payload.toString("base64url")}`, 7, KEY)).toBeNull();
    expect(openTotpSecret("v2:abc", 7, KEY)).toBeNull();
  });

  it("sin NEXTAUTH_SECRET se niega en lugar de cifrar con una clave vacía", () => {
    expect(() => sealTotpSecret("X", 1, "")).toThrow(/NEXTAUTH_SECRET/);
  });
});

describe("códigos TOTP", () => {
  const now = new Date("2026-12-03T12:00:10Z");
  const epoch = Math.floor(now.getTime() / 1000);

  it("acepta el código actual y el del paso vecino, no uno de hace dos pasos", async () => {
    const secret = newTotpSecret();
    expect((await checkTotp(secret, await generate({ secret, epoch }), null, now)).valid).toBe(true);
    expect((await checkTotp(secret, await generate({ secret, epoch: epoch - 30 }), null, now)).valid).toBe(true);
    expect((await checkTotp(secret, await generate({ secret, epoch: epoch - 60 }), null, now)).valid).toBe(false);
    expect((await checkTotp(secret, "000000", null, now)).valid).toBe(false);
  });

  it("un código ya aceptado (su paso o uno anterior) no vuelve a servir", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch });
    const first = await checkTotp(secret, code, null, now);
    if (!first.valid) throw new Error("el código actual debía valer");
    expect((await checkTotp(secret, code, first.timeStep, now)).valid).toBe(false);
    expect((await checkTotp(secret, await generate({ secret, epoch: epoch - 30 }), first.timeStep, now)).valid).toBe(false);
    expect((await checkTotp(secret, await generate({ secret, epoch: epoch + 30 }), first.timeStep, now)).valid).toBe(true);
  });

  it("la dirección otpauth y el QR se generan en el servidor como SVG", async () => {
    const uri = totpUri("ana@quito.gob.ec", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(uri).toBe("otpauth://totp/Matriz%20PMDOT:ana%40quito.gob.ec?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Matriz%20PMDOT");
    const svg = await totpQrSvg(uri);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toContain("ana@quito");
  });
});

describe("códigos de recuperación", () => {
  it("son diez, distintos, de 12 caracteres sin letras que se confundan", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it("se aceptan como se escriben a mano: mayúsculas, espacios, sin guiones", () => {
    expect(normalizeRecoveryCode(" ABCD-efgh-JKMN ")).toBe("abcdefghjkmn");
    expect(normalizeRecoveryCode("abcd efgh jkmn")).toBe("abcdefghjkmn");
    expect(normalizeRecoveryCode("abcd-efgh-jkm")).toBeNull();
    expect(normalizeRecoveryCode("abcd-efgh-jkm0")).toBeNull();
    expect(normalizeTotpCode("123 456")).toBe("123456");
    expect(normalizeTotpCode("12345")).toBeNull();
    expect(normalizeTotpCode("abcdef")).toBeNull();
  });
});
