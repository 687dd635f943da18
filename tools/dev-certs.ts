/**
 * HTTPS material for the dev server, the Graph emulator and the tests.
 *
 * Uses the certificates that `office-addin-dev-certs` keeps in ~/.office-addin-dev-certs and creates them
 * when they are missing or about to expire. It never touches a trust store: a person who sideloads into a
 * real Outlook runs `npm run certs` once (see README), while the simulator and the browser tests accept the
 * dev certificate without trusting its CA.
 */
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import {
  caCertificatePath,
  localhostCertificatePath,
  localhostKeyPath,
} from "office-addin-dev-certs/lib/defaults.js";
import { generateCertificates } from "office-addin-dev-certs/lib/generate.js";

export interface DevCerts {
  key: string;
  cert: string;
  ca: string;
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

function stillValid(): boolean {
  if (![caCertificatePath, localhostCertificatePath, localhostKeyPath].every((p) => existsSync(p)))
    return false;
  const cert = new X509Certificate(readFileSync(localhostCertificatePath));
  return Date.parse(cert.validTo) - Date.now() > ONE_DAY_MS;
}

export async function ensureDevCerts(): Promise<DevCerts> {
  if (!stillValid()) await generateCertificates();
  return {
    key: readFileSync(localhostKeyPath, "utf8"),
    cert: readFileSync(localhostCertificatePath, "utf8"),
    ca: readFileSync(caCertificatePath, "utf8"),
  };
}
