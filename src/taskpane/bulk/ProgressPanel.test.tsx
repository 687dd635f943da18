// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ProgressPanel } from "./ProgressPanel";

const progress = (total: number) => ({
  total,
  purged: 0,
  alreadyGone: 0,
  failed: 0,
  notAttempted: 0,
  left: total,
  etaMs: undefined,
});

const label = (total: number, kind?: "message" | "contact") => {
  const { unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <ProgressPanel progress={progress(total)} cancelling={false} onCancel={() => undefined} kind={kind} />
    </FluentProvider>,
  );
  const text = screen.getByRole("region").textContent ?? "";
  unmount();
  return text;
};

describe("ProgressPanel", () => {
  it("counts what it deletes in the right plural", () => {
    expect(label(1)).toContain("Deleting 1 message…");
    expect(label(20)).toContain("Deleting 20 messages…");
    expect(label(1, "contact")).toContain("Deleting 1 contact…");
    expect(label(3, "contact")).toContain("Deleting 3 contacts…");
  });
});
