import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** The issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'Pantau Isu';

/** One step either side of now is accepted (clock drift of a phone). */
const TOLERANCE_SECONDS = 30;

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code, an SVG data URL drawn here (no network). */
  qrCode: string;
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s: what every authenticator app speaks), through otplib. */
export async function newTotpEnrolment(accountName: string, secret = generateSecret()): Promise<TotpEnrolment> {
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label: accountName, secret });
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUrl, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** Six digits, spaces allowed in between (as apps show them). */
export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ''));
}

/**
 * The time step of a valid code, or null. `afterStep` is the step of the last code accepted: a code of that step
 * or an earlier one is refused, so an observed code cannot be replayed.
 */
export async function verifyTotp(secret: string, code: string, afterStep?: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) {
    return null;
  }
  const result = await verify({
    secret,
    token,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== undefined && afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  // The TOTP strategy's result carries the time step (the HOTP one a counter).
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
