// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { MailFolder } from "../../core/purge/mailData";
import type { PurgeTarget } from "../../core/purge/types";
import type { BulkDeps } from "./bulkDeps";
import FolderView from "./FolderView";
import type { BulkJob } from "./useBulkPurge";

const archive: MailFolder = {
  id: "f1",
  displayName: "Archive",
  totalItemCount: 3,
  wellKnown: "archive",
} as MailFolder;
const target = (id: string): PurgeTarget => ({
  ref: { kind: "message", id, mailbox: { kind: "me" } },
  subject: id,
  from: undefined,
  received: undefined,
  folderName: "Archive",
});

function deps(countAfterListing: number): BulkDeps {
  return {
    multiSelectSupported: true,
    readSelection: async () => [],
    watchSelection: async () => () => undefined,
    resolveSelection: async () => ({ targets: [], skipped: [] }),
    listFolders: async () => [archive],
    folderCount: async () => countAfterListing,
    listFolderMessages: async () => [target("a"), target("b"), target("c")],
    purge: async () => [],
  } as unknown as BulkDeps;
}

async function listAndConfirm(countAfterListing: number): Promise<BulkJob> {
  const onDelete = vi.fn<(job: BulkJob) => void>();
  render(
    <FluentProvider theme={webLightTheme}>
      <FolderView bulk={deps(countAfterListing)} busy={false} onDelete={onDelete} onError={() => undefined} />
    </FluentProvider>,
  );
  await userEvent.click(await screen.findByRole("button", { name: /Delete all 3 in Archive/ }));
  await vi.waitFor(() => expect(onDelete).toHaveBeenCalled());
  const job = onDelete.mock.calls[0]?.[0];
  if (!job) throw new Error("no job");
  return job;
}

describe("FolderView: the confirmation's scope", () => {
  it("says 'all N messages' when the folder still holds what was listed", async () => {
    const job = await listAndConfirm(3);
    expect(job.scope).toBe("all 3 messages in Archive, in your own mailbox");
    expect(job.targets.map((t) => t.ref.id)).toEqual(["a", "b", "c"]);
  });

  it("says the folder changed while it was listed, and that only the listed messages go", async () => {
    const job = await listAndConfirm(5);
    expect(job.scope).toContain("the 3 messages listed in Archive");
    expect(job.scope).toContain("changed while it was listed and now holds 5");
    expect(job.targets).toHaveLength(3);
  });
});
