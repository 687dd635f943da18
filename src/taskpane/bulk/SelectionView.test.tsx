// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SelectedMessage } from "../../core/office/selection";
import type { PurgeTarget } from "../../core/purge/types";
import type { BulkDeps } from "./bulkDeps";
import { initiallyTicked, SelectionView, selectedCount, selectionScope } from "./SelectionView";
import type { BulkJob } from "./useBulkPurge";

const target = (id: string, folderName: string): PurgeTarget => ({
  ref: { kind: "message", id, mailbox: { kind: "me" } },
  subject: `Subject ${id}`,
  from: undefined,
  received: undefined,
  folderName,
});

function deps(targets: PurgeTarget[]): BulkDeps {
  const selected = targets.map((t) => ({ restId: t.ref.id }) as SelectedMessage);
  return {
    multiSelectSupported: true,
    readSelection: async () => selected,
    watchSelection: async () => () => undefined,
    resolveSelection: async () => ({ targets, skipped: [] }),
  } as unknown as BulkDeps;
}

function show(targets: PurgeTarget[]) {
  const onDelete = vi.fn<(job: BulkJob) => void>();
  render(
    <FluentProvider theme={webLightTheme}>
      <SelectionView
        bulk={deps(targets)}
        busy={false}
        settled={new Set()}
        onDelete={onDelete}
        onMultiple={() => undefined}
        onError={() => undefined}
      />
    </FluentProvider>,
  );
  return onDelete;
}

describe("SelectionView", () => {
  it("ticks every message when the selection is in one folder", async () => {
    const onDelete = show([target("a", "Inbox"), target("b", "Inbox"), target("c", "Inbox")]);
    await userEvent.click(await screen.findByRole("button", { name: "Delete 3 permanently" }));
    expect(onDelete.mock.calls[0]?.[0].targets.map((t) => t.ref.id)).toEqual(["a", "b", "c"]);
    expect(screen.queryByRole("note")).toBeNull();
  });

  // Outlook on the web and the new Outlook: a collapsed conversation selects its messages in every folder
  // (item-multi-select, "Multi-select in conversations"), and Office.js doesn't say which folder is in view.
  it("ticks nothing when a conversation spans folders, names the folders, and deletes exactly what was ticked", async () => {
    // Most of the conversation is in Sent Items: a majority rule would have ticked those, not the Inbox ones.
    const onDelete = show([
      target("in1", "Inbox"),
      target("sent1", "Sent Items"),
      target("sent2", "Sent Items"),
      target("sent3", "Sent Items"),
    ]);
    await screen.findByText(
      "Outlook selected a conversation across several folders (Inbox; Sent Items). None is ticked: tick the ones to delete.",
    );
    const checkboxes = screen.getAllByRole("checkbox");
    expect(checkboxes.map((c) => (c as HTMLInputElement).checked)).toEqual([false, false, false, false]);
    expect(screen.getByRole("button", { name: "Delete 0 permanently" })).toHaveProperty("disabled", true);
    expect(screen.getByText(/Subject in1/).closest("li")?.textContent).toContain("Inbox");

    await userEvent.click(screen.getByRole("checkbox", { name: /Subject in1/ }));
    await userEvent.click(screen.getByRole("checkbox", { name: /Subject sent2/ }));
    await userEvent.click(screen.getByRole("button", { name: "Delete 2 permanently" }));
    const job = onDelete.mock.calls[0]?.[0];
    expect(job?.targets.map((t) => t.ref.id)).toEqual(["in1", "sent2"]);
    expect(job?.scope).toBe("the 2 selected messages you ticked, in your own mailbox");
  });
});

describe("counts in the selection's sentences", () => {
  it("take the singular for one message, in English and German", async () => {
    expect(selectionScope(1)).toBe("the 1 selected message you ticked, in your own mailbox");
    expect(selectionScope(2)).toBe("the 2 selected messages you ticked, in your own mailbox");
    expect(selectedCount(1)).toBe("1 message selected");
    expect(selectedCount(3)).toBe("3 messages selected");
    const { activateLanguage } = await import("../../core/i18n");
    const { de } = await import("../../core/i18n/de");
    const { en } = await import("../../core/i18n/en");
    activateLanguage("de", de, "de-DE");
    try {
      expect(selectionScope(1)).toBe(
        "die 1 ausgewählte Nachricht, die Sie angehakt haben, in Ihrem eigenen Postfach",
      );
      expect(selectedCount(1)).toBe("1 Nachricht ausgewählt");
      expect(selectedCount(2)).toBe("2 Nachrichten ausgewählt");
    } finally {
      activateLanguage("en", en);
    }
  });
});

describe("initiallyTicked", () => {
  it("ticks every message of a selection in one folder", () => {
    expect([...initiallyTicked([target("a", "Inbox"), target("b", "Inbox")])]).toEqual(["a", "b"]);
  });

  it("ticks none when the selection spans folders, whichever folder holds most of it", () => {
    const spanning = [target("in1", "Inbox"), target("sent1", "Sent Items"), target("sent2", "Sent Items")];
    expect(initiallyTicked(spanning).size).toBe(0);
  });
});
