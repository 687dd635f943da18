// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { MailFolder } from "../../core/purge/mailData";
import type { PurgeTarget } from "../../core/purge/types";
import type { BulkDeps } from "./bulkDeps";
import FolderView, { folderJob, folderScope } from "./FolderView";
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

describe("folderScope and the void sentence for one message", () => {
  it("take the singular", async () => {
    expect(folderScope(1, "Archive", 1)).toBe("the 1 message in Archive, in your own mailbox");
    expect(folderScope(1, "Archive", 4)).toBe(
      "the 1 message listed in Archive, in your own mailbox (Archive changed while it was listed and now holds 4: only the listed one goes)",
    );
    const counts = [1, 7];
    const job = await folderJob({ folderCount: async () => counts.shift() ?? 0 }, archive, [target("a")]);
    expect(await job.stillValid()).toBe(
      "Archive changed a lot since it was listed (1 message, now 7), so nothing was deleted. Check it and confirm again.",
    );
  });
});

describe("folderJob: the confirmation is void when the folder's count moved a lot by the yes", () => {
  const counts = (...values: number[]) => {
    const queue = [...values];
    return { folderCount: async () => queue.shift() ?? Number.NaN };
  };
  const targets = Array.from({ length: 100 }, (_, i) => target(`m${i}`));

  it("holds within the margin (a change of at most 10%, and never less than 5)", async () => {
    expect(await (await folderJob(counts(100, 110), archive, targets)).stillValid()).toBe(true);
    expect(await (await folderJob(counts(3, 8), archive, targets.slice(0, 3))).stillValid()).toBe(true);
  });

  it("is void beyond it, with a sentence naming both counts", async () => {
    const job = await folderJob(counts(100, 111), archive, targets);
    expect(await job.stillValid()).toBe(
      "Archive changed a lot since it was listed (100 messages, now 111), so nothing was deleted. Check it and confirm again.",
    );
  });
});
