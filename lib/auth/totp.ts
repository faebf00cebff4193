import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export const TOTP_ISSUER = "Matriz PMDOT";
/** A code is taken from the step before or after the current one too: phones' clocks drift. */
const TOLERANCE_SECONDS = 30;

/** A new 160-bit Base32 secret (RFC 4226's recommended size; otplib refuses fewer than 128 bits). */
export const newTotpSecret = () => generateSecret();

export const totpUri = (email: string, secret: string) => generateURI({ issuer: TOTP_ISSUER, label: email, secret });

/** The otpauth URI as an SVG QR code, drawn on the server: no script, no request to anyone. */
export const totpQrSvg = (uri: string) => QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });

/**
 * Whether the code is valid now, and for which time step. A step at or
 * before `lastTimeStep` is refused: each code opens one sign-in only (replay).
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastTimeStep: number | null,
  now = new Date(),
): Promise<{ valid: true; timeStep: number } | { valid: false }> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  });
  return result.valid && "timeStep" in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}
