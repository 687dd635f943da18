import { describe, expect, it } from "vitest";
import type { FolderTree } from "../../core/purge/folders";
import { folderChanged, folderContents, folderOutcome } from "./DeleteFolderItself";

const tree = (items: number, subfolders: number): FolderTree => ({
  id: "F",
  displayName: "Projects",
  items,
  subfolders,
});

describe("folderContents", () => {
  it("names the messages and subfolders that go with the folder, one or several", () => {
    expect(folderContents(tree(1, 0))).toBe("its 1 message");
    expect(folderContents(tree(12, 1))).toBe("its 12 messages and its subfolder with everything in it");
    expect(folderContents(tree(0, 3))).toBe("its 3 subfolders with everything in them");
    expect(folderContents(tree(0, 0))).toBe("");
  });
});

describe("folderChanged", () => {
  it("says nothing was deleted, and what the folder holds now", () => {
    expect(folderChanged(tree(2, 0), tree(3, 0))).toEqual({
      tone: "warning",
      title: "Nothing deleted",
      message:
        "“Projects” changed after you saw it (now its 3 messages), so nothing was deleted. Check it and confirm again.",
    });
    expect(folderChanged(tree(2, 0), tree(0, 0)).message).toContain("(now empty)");
  });
});

describe("folderOutcome", () => {
  it("reads only Graph's 204 as deleted, naming what went with the folder", () => {
    expect(folderOutcome(tree(2, 1), { status: "deleted" })).toEqual({
      tone: "success",
      title: "Folder deleted",
      message:
        "The folder “Projects” and its 2 messages and its subfolder with everything in it were deleted permanently. Outlook can't bring them back.",
    });
    expect(folderOutcome(tree(0, 0), { status: "deleted" }).message).toBe(
      "The folder “Projects” was deleted permanently. Outlook can't bring it back.",
    );
  });

  it("reads a folder already gone as information, and a failure as an error, in Graph's words", () => {
    expect(folderOutcome(tree(1, 0), { status: "already-gone", message: "It was not there." })).toEqual({
      tone: "info",
      title: "Not found",
      message: "It was not there.",
    });
    expect(folderOutcome(tree(1, 0), { status: "failed", message: "Graph refused." })).toEqual({
      tone: "error",
      title: "Folder not deleted",
      message: "Graph refused.",
    });
  });
});
