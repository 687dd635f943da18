// @vitest-environment jsdom
/** The Contacts view by role: it loads folders on open, searches, and hands the bound job to the bulk flow. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { type ContactActions, DEFAULT_CONTACT_FOLDER } from "../../core/purge/contacts";
import type { PurgeTarget } from "../../core/purge/types";
import type { BulkJob } from "../bulk/useBulkPurge";
import ContactsView, { contactsJob, listingStatus } from "./ContactsView";

const contact = (id: string, name: string, folderId?: string): PurgeTarget => ({
  ref: { kind: "contact", id, mailbox: { kind: "me" }, ...(folderId ? { folderId } : {}) },
  subject: name,
  from: { name: "", address: `${id}@example.com` },
  received: undefined,
  folderName: folderId ? "Family" : "Contacts",
});

function setup(settled: ReadonlySet<string> = new Set()) {
  const family = { id: "F1", displayName: "Family" };
  const actions: ContactActions = {
    listFolders: vi.fn(async () => [DEFAULT_CONTACT_FOLDER, family]),
    list: vi.fn(async (folder, term: string) => {
      if (folder.id === "F1") return { targets: [contact("f1", "Mia Rossi", "F1")], truncated: false };
      const all = [contact("a", "Ana Silva"), contact("b", "Ben Okafor"), contact("c", "Anton Haddad")];
      return {
        targets: all.filter((t) => t.subject.toLowerCase().startsWith(term.toLowerCase())),
        truncated: false,
      };
    }),
    purge: vi.fn(),
  };
  const jobs: BulkJob[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ContactsView
        actions={actions}
        busy={false}
        settled={settled}
        onDelete={(job) => jobs.push(job)}
        onError={() => {}}
        onClose={() => {}}
      />
    </FluentProvider>,
  );
  return { actions, jobs };
}

describe("ContactsView", () => {
  it("lists the default folder on open, searches, and deletes exactly the ticked contacts", async () => {
    const user = userEvent.setup();
    const { actions, jobs } = setup();
    const list = await screen.findByRole("list", { name: "Contacts found" });
    expect(within(list).getAllByRole("checkbox")).toHaveLength(3);
    expect(actions.listFolders).toHaveBeenCalledTimes(1);

    await user.type(screen.getByLabelText("Name or email address"), "an");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await screen.findByText("2 contacts in “Contacts” match “an”.");
    expect(actions.list).toHaveBeenLastCalledWith(DEFAULT_CONTACT_FOLDER, "an");

    const remove = screen.getByRole("button", { name: "Delete 0 contacts permanently…" });
    expect(remove).toHaveProperty("disabled", true);
    await user.click(screen.getByRole("checkbox", { name: /Anton Haddad/ }));
    await user.click(screen.getByRole("button", { name: "Delete 1 contact permanently…" }));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.targets.map((t) => t.ref.id)).toEqual(["c"]);
    expect(jobs[0]?.scope).toBe("the 1 contact you ticked in your “Contacts” contact folder");
    expect(actions.purge).not.toHaveBeenCalled(); // the bulk flow confirms first
  });

  it("switches folders and selects all listed; settled contacts are no longer offered", async () => {
    const user = userEvent.setup();
    const { jobs } = setup(new Set(["b"]));
    await screen.findByText("2 contacts in “Contacts”.");
    expect(screen.queryByRole("checkbox", { name: /Ben Okafor/ })).toBeNull();
    await user.selectOptions(screen.getByLabelText("Contact folder"), "F1");
    await screen.findByText("1 contact in “Family”.");
    await user.click(screen.getByRole("checkbox", { name: "Select all 1 listed" }));
    await user.click(screen.getByRole("button", { name: "Delete 1 contact permanently…" }));
    await waitFor(() => expect(jobs).toHaveLength(1));
    expect(jobs[0]?.targets[0]?.ref).toEqual({
      kind: "contact",
      id: "f1",
      mailbox: { kind: "me" },
      folderId: "F1",
    });
  });
});

describe("listingStatus", () => {
  const family = { id: "F1", displayName: "Family" };
  const shown = (term: string) => ({ listing: { targets: [], truncated: false }, term, folder: family });

  it("counts the contacts left to offer, one or several, in the folder or for the search term", () => {
    expect(listingStatus(shown(""), 1)).toBe("1 contact in “Family”.");
    expect(listingStatus(shown(""), 3)).toBe("3 contacts in “Family”.");
    expect(listingStatus(shown("an"), 2)).toBe("2 contacts in “Family” match “an”.");
    expect(listingStatus(shown("ann"), 1)).toBe("1 contact in “Family” matches “ann”.");
  });

  it("says so when nothing is left, or nothing matches", () => {
    expect(listingStatus(shown(""), 0)).toBe("“Family” has no contacts.");
    expect(listingStatus(shown("zz"), 0)).toBe("No contacts in “Family” match “zz”.");
  });
});

describe("contactsJob", () => {
  it("is bound to exactly the ticked contacts and names them with their folder", async () => {
    const chosen = [contact("a", "Ana Silva")];
    const job = contactsJob(chosen, "Contacts");
    expect(job.targets).toBe(chosen);
    expect(job.scope).toBe("the 1 contact you ticked in your “Contacts” contact folder");
    expect(contactsJob([contact("a", "A"), contact("b", "B")], "Family").scope).toBe(
      "the 2 contacts you ticked in your “Family” contact folder",
    );
    await expect(job.stillValid()).resolves.toBe(true);
  });
});
