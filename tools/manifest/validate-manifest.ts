/**
 * Offline XSD validation of the XML add-in manifest (Node only).
 *
 * Uses Microsoft's published schema set, copied unmodified to tools/manifest/schemas (see its SOURCES.md),
 * through libxml2-wasm. The set predates Mailbox 1.13, so `SupportsMultiSelect` and `SupportsNoItemContext` are
 * missing from it; `applyMailbox113Overlay` adds exactly those two, as [MS-OWEMXML] defines them for
 * mailor1_1 `ShowTaskpane` (optional booleans after `SupportsPinning`). Nothing else is relaxed, and the
 * files on disk are never modified: the patched copy only lives in memory.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  XmlBufferInputProvider,
  XmlDocument,
  XmlValidateError,
  XsdValidator,
  xmlRegisterInputProvider,
} from "libxml2-wasm";

const here = dirname(fileURLToPath(import.meta.url));

/** Where the repository keeps the manifest. */
export const MANIFEST_PATH = resolve(here, "../../manifest.xml");

/** Microsoft's XSD set, an unmodified copy kept beside this file (see schemas/SOURCES.md). */
export const DEFAULT_SCHEMA_DIR = process.env.MANIFEST_SCHEMA_DIR ?? resolve(here, "schemas");

export const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";
export const SCHEMA_FILES = [
  ROOT_SCHEMA,
  "OfficeAppBasicTypesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
  "ContentAppVersionOverridesV1_0.xsd",
] as const;

export interface ValidationResult {
  valid: boolean;
  /** libxml2's messages, each with its line in the manifest where known. */
  errors: string[];
}

export interface ValidateOptions {
  schemaDir?: string;
  /** Apply the Mailbox 1.13 overlay (default true). Turn off only to prove the overlay is needed. */
  mailbox113Overlay?: boolean;
}

/** The exact text of ShowTaskpane's SupportsPinning element in MailAppVersionOverridesV1_1.xsd. */
const PINNING_ELEMENT = '<xs:element name="SupportsPinning" type="xs:boolean" minOccurs="0" maxOccurs="1" />';

/**
 * Adds `SupportsMultiSelect` and `SupportsNoItemContext` (optional xs:boolean, in that order, after
 * `SupportsPinning`) to the `ShowTaskpane` type of MailAppVersionOverridesV1_1.xsd, per [MS-OWEMXML].
 * Throws if the schema does not have the expected shape, so a changed schema cannot be patched silently.
 */
export function applyMailbox113Overlay(mailV11Xsd: string): string {
  const typeStart = mailV11Xsd.indexOf('<xs:complexType name="ShowTaskpane">');
  if (typeStart < 0)
    throw new Error("overlay: ShowTaskpane type not found in MailAppVersionOverridesV1_1.xsd");
  const typeEnd = mailV11Xsd.indexOf("</xs:complexType>", typeStart);
  const typeText = mailV11Xsd.slice(typeStart, typeEnd);
  const at = typeText.indexOf(PINNING_ELEMENT);
  if (at < 0 || typeText.indexOf(PINNING_ELEMENT, at + 1) >= 0 || typeText.includes("SupportsMultiSelect")) {
    throw new Error(
      "overlay: ShowTaskpane does not have exactly one SupportsPinning and no SupportsMultiSelect",
    );
  }
  const insertAt = typeStart + at + PINNING_ELEMENT.length;
  const added =
    '<xs:element name="SupportsMultiSelect" type="xs:boolean" minOccurs="0" maxOccurs="1" />' +
    '<xs:element name="SupportsNoItemContext" type="xs:boolean" minOccurs="0" maxOccurs="1" />';
  return mailV11Xsd.slice(0, insertAt) + added + mailV11Xsd.slice(insertAt);
}

// libxml2 resolves the xs:import schemaLocations against the root schema's URL, so every schema set gets its
// own virtual directory; one provider (registered once per process) serves them all from memory.
const provider = new XmlBufferInputProvider({});
let providerRegistered = false;
let setCounter = 0;
const validators = new Map<string, XsdValidator>();

function validatorFor(schemaDir: string, overlay: boolean): XsdValidator {
  const key = `${schemaDir}\u0000${overlay}`;
  const cached = validators.get(key);
  if (cached) return cached;
  if (!providerRegistered) {
    xmlRegisterInputProvider(provider);
    providerRegistered = true;
  }
  setCounter += 1;
  const base = `file:///virtual-manifest-schemas/set-${setCounter}/`;
  for (const name of SCHEMA_FILES) {
    let bytes: Uint8Array = readFileSync(resolve(schemaDir, name));
    if (overlay && name === "MailAppVersionOverridesV1_1.xsd") {
      bytes = new TextEncoder().encode(applyMailbox113Overlay(new TextDecoder().decode(bytes)));
    }
    provider.addBuffer(base + name, bytes);
  }
  const rootBytes = readFileSync(resolve(schemaDir, ROOT_SCHEMA));
  const xsdDoc = XmlDocument.fromBuffer(rootBytes, { url: base + ROOT_SCHEMA });
  try {
    const validator = XsdValidator.fromDoc(xsdDoc);
    validators.set(key, validator);
    return validator;
  } finally {
    xsdDoc.dispose();
  }
}

function describe(detail: { message: string; line?: number }): string {
  const message = detail.message.trim();
  return detail.line ? `line ${detail.line}: ${message}` : message;
}

/** Validates manifest XML text against the schema set (with the Mailbox 1.13 overlay unless turned off). */
export function validateManifestXml(xml: string, options: ValidateOptions = {}): ValidationResult {
  const validator = validatorFor(options.schemaDir ?? DEFAULT_SCHEMA_DIR, options.mailbox113Overlay ?? true);
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    const details = (error as { details?: { message: string; line?: number }[] }).details;
    return { valid: false, errors: details?.map(describe) ?? [String(error)] };
  }
  try {
    validator.validate(doc);
    return { valid: true, errors: [] };
  } catch (error) {
    if (error instanceof XmlValidateError) return { valid: false, errors: error.details.map(describe) };
    throw error;
  } finally {
    doc.dispose();
  }
}

/** Reads and validates the repository's manifest.xml (or another file). */
export function validateManifestFile(path: string = MANIFEST_PATH, options: ValidateOptions = {}) {
  return validateManifestXml(readFileSync(path, "utf8"), options);
}
