import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { shellManifest } from "./manifest";

const fixture = readFileSync(resolve(import.meta.dirname, "../fixtures/manifest.xml"), "utf8");

describe("shellManifest", () => {
  it("reads the ribbon, function file, app domains and permission from the innermost VersionOverrides", () => {
    const m = shellManifest(fixture);
    expect(m.displayName).toBe("Simulator Fixture");
    expect(m.permissions).toBe("ReadWriteMailbox");
    expect(m.appDomains).toEqual(["https://localhost:3002"]);
    expect(m.functionFileUrl).toBe("https://localhost:3000/fixtures/commands.html");
    const buttons = m.readGroups.flatMap((g) => g.buttons);
    expect(buttons.map((b) => b.label)).toEqual(["Run command", "Open pane"]);
    expect(buttons[0]?.action).toEqual({ kind: "ExecuteFunction", functionName: "runCommand" });
    expect(buttons[0]?.supertipDescription).toMatch(/function command/);
    expect(buttons[0]?.icons["16"]).toBe("https://localhost:3000/fixtures/icon.svg");
    expect(buttons[1]?.action).toMatchObject({
      kind: "ShowTaskpane",
      sourceUrl: "https://localhost:3000/fixtures/taskpane.html",
      supportsPinning: true,
      supportsMultiSelect: true,
    });
  });

  it("applies bt:Override for the display language", () => {
    const m = shellManifest(fixture, "de-DE");
    expect(m.readGroups[0]?.buttons[0]?.label).toBe("Befehl ausführen");
  });

  it("refuses a document that is not a manifest", () => {
    expect(() => shellManifest("<html/>")).toThrow(/OfficeApp/);
  });
});

describe("the project's manifest.xml", () => {
  const path = resolve(import.meta.dirname, "../../../manifest.xml");
  it("gives the shell a ribbon with an ExecuteFunction and a ShowTaskpane button", () => {
    const m = shellManifest(readFileSync(path, "utf8"));
    const kinds = m.readGroups.flatMap((g) => g.buttons.map((b) => b.action.kind));
    expect(kinds).toContain("ExecuteFunction");
    expect(kinds).toContain("ShowTaskpane");
    expect(m.functionFileUrl).toMatch(/^https:\/\//);
  });

  it("labels the ribbon in German for de-DE, de-AT and de-CH", () => {
    const xml = readFileSync(path, "utf8");
    expect(shellManifest(xml).readGroups[0]?.buttons.map((b) => b.label)).toEqual([
      "Delete permanently",
      "Permanent Delete pane",
    ]);
    for (const language of ["de-DE", "de-AT", "de-CH"]) {
      const m = shellManifest(xml, language);
      expect(m.displayName).toBe("Endgültig löschen");
      expect(m.readGroups[0]?.buttons.map((b) => b.label)).toEqual([
        "Endgültig löschen",
        "Bereich „Endgültig löschen“",
      ]);
    }
  });

  it("gives appointment read surfaces (attendee and organizer) their own ribbon", () => {
    const m = shellManifest(readFileSync(path, "utf8"));
    for (const groups of [m.attendeeGroups, m.organizerGroups]) {
      const buttons = groups.flatMap((g) => g.buttons);
      expect(buttons.map((b) => b.action.kind)).toEqual(["ExecuteFunction", "ShowTaskpane"]);
      expect(buttons[0]?.action).toEqual({ kind: "ExecuteFunction", functionName: "purgeCurrentItem" });
    }
    // The fixture has no appointment surfaces: nothing is invented for it.
    expect(shellManifest(fixture).attendeeGroups).toEqual([]);
  });
});
