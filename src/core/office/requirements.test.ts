import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { installOffice } from "../../../test/support/officeFake";
import { RequirementError, requireSets } from "./errors";
import { isSupported, REFINEMENTS, REQUIREMENTS } from "./requirements";

describe("requirement sets", () => {
  it("answers from the host's sets, and a host whose check throws supports nothing", () => {
    installOffice({ sets: { mailbox: "1.13", dialogapi: "1.2" } });
    expect(isSupported(REQUIREMENTS.multiSelect)).toBe(true);
    expect(isSupported(REQUIREMENTS.nestedAppAuth)).toBe(false);
    expect(isSupported(REFINEMENTS.themeChanged)).toBe(false);
    expect(isSupported(REFINEMENTS.dialogOrigin)).toBe(false);
    Office.context.requirements.isSetSupported = () => {
      throw new Error("not ready");
    };
    expect(isSupported(REQUIREMENTS.restIds)).toBe(false);
  });

  it("names the first missing set of a feature", () => {
    installOffice({ sets: { mailbox: "1.13" } });
    expect(() => requireSets(REQUIREMENTS.multiSelect, REQUIREMENTS.confirmationDialog)).toThrow(
      RequirementError,
    );
    try {
      requireSets(REQUIREMENTS.multiSelect, REQUIREMENTS.confirmationDialog);
    } catch (error) {
      expect(error).toMatchObject({ set: "DialogApi", version: "1.2" });
    }
  });

  it("is the one registry: no other source file asks Office for a requirement set", () => {
    const files = execFileSync("git", ["ls-files", "src/**/*.ts", "src/**/*.tsx"], { encoding: "utf8" })
      .split("\n")
      .filter((f) => f !== "" && !/\.test\.tsx?$/.test(f));
    const asking = files.filter((f) => readFileSync(f, "utf8").includes("isSetSupported"));
    expect(asking).toEqual(["src/core/office/requirements.ts"]);
  });
});
