import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export function newTotpSecret(): string {
  return generateSecret();
}

/**
 * Accepts the current 30-second step and one either side, for clock drift. Returns the matched
 * RFC 6238 time step, which the caller stores so that a code is accepted only once.
 */
export async function checkTotp(secret: string, token: string): Promise<number | undefined> {
  if (!/^\d{6}$/.test(token)) return undefined;
  const result = await verify({ secret, token, epochTolerance: 30 });
  if (!result.valid) return undefined;
  return "timeStep" in result && typeof result.timeStep === "number"
    ? result.timeStep
    : Math.floor(Date.now() / 30_000) + result.delta;
}

/** The code of the current step, or of a step `offset` steps away (tests, tools). */
export function currentTotp(secret: string, offset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
}

export async function totpEnrolment(secret: string, email: string) {
  const uri = generateURI({ issuer: "Strang", label: email, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}
