import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export function newTotpSecret(): string {
  return generateSecret();
}

/** Accepts the current 30-second step and one either side, for clock drift. */
export async function checkTotp(secret: string, token: string): Promise<boolean> {
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epochTolerance: 30 });
  return result.valid;
}

export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}

export async function totpEnrolment(secret: string, email: string) {
  const uri = generateURI({ issuer: "Strang", label: email, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}
