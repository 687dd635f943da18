/**
 * The shell's DOM: an Outlook-on-the-web-like layout (folders, message list, reading pane with the add-in's ribbon
 * and notification bar, task pane, dialog, prompts, settings drawer). Plain DOM, re-rendered from OutlookHost state;
 * the iframes live in fixed containers the host owns, so a re-render never reloads an add-in.
 */
import type { DialogBehavior } from "../common/dialogRules";
import { type BridgeStatusValue, BridgeStatusValues } from "../common/naa";
import { isSimTheme } from "../common/theme";
import { itemKeyOf, type OutlookHost } from "./host";

type Attrs = Record<string, string | boolean | undefined>;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...kids: Array<Node | string | null>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids) if (kid !== null) el.append(kid);
  return el;
}

export interface ShellDom {
  root: HTMLElement;
  taskpaneBody: HTMLElement;
  dialogBody: HTMLElement;
  hidden: HTMLElement;
}

/** Builds the static skeleton; returns the containers the host puts iframes into. */
export function buildSkeleton(root: HTMLElement): ShellDom {
  root.innerHTML = `
  <header class="topbar">
    <span class="brand">Outlook <small>(simulator)</small></span>
    <button type="button" id="new-mail">New mail</button>
    <span class="grow"></span>
    <span id="source-status" class="source"></span>
    <button type="button" id="open-settings" aria-expanded="false" aria-controls="settings">Simulator settings</button>
  </header>
  <div class="main">
    <nav id="folders" aria-label="Folders"></nav>
    <section class="list-column" aria-label="Message list">
      <div class="list-head"><span id="folder-title"></span><button type="button" id="refresh">Refresh</button></div>
      <div id="messages" role="listbox" aria-multiselectable="true" aria-label="Messages" tabindex="0"></div>
    </section>
    <section class="reading" aria-label="Reading pane">
      <div id="ribbon"></div>
      <div id="notifications" role="region" aria-label="Add-in notifications" aria-live="polite"></div>
      <div id="reading-content"></div>
    </section>
    <aside id="taskpane" aria-label="Add-in task pane" hidden>
      <div class="pane-head">
        <span id="pane-title"></span>
        <button type="button" id="pane-pin" aria-pressed="false">Pin</button>
        <button type="button" id="pane-close" aria-label="Close task pane">✕</button>
      </div>
      <div id="pane-body" class="pane-body"></div>
    </aside>
  </div>
  <footer id="status" role="status" aria-live="polite"></footer>
  <div id="dialog-layer" class="layer" hidden>
    <div id="dialog-box" role="dialog" aria-modal="true" aria-labelledby="dialog-title">
      <div class="dialog-head"><span id="dialog-title"></span>
        <button type="button" id="dialog-close" aria-label="Close dialog">✕</button></div>
      <div id="dialog-body" class="dialog-body"></div>
    </div>
  </div>
  <div id="dialog-window" role="region" aria-label="Add-in dialog window" class="popup-note" hidden>
    <span id="dialog-window-text"></span>
    <button type="button" id="dialog-window-show">Show window</button>
    <button type="button" id="dialog-window-close">Close dialog window</button>
  </div>
  <div id="prompt-layer" class="layer" hidden>
    <div role="alertdialog" aria-modal="true" aria-labelledby="prompt-text" class="prompt">
      <p id="prompt-text"></p>
      <div class="prompt-actions"><button type="button" id="prompt-yes"></button><button type="button" id="prompt-no"></button></div>
    </div>
  </div>
  <aside id="settings" aria-label="Simulator settings" hidden></aside>
  <div id="function-runtimes" hidden></div>`;
  const get = (id: string) => {
    const el = root.querySelector<HTMLElement>(`#${id}`);
    if (!el) throw new Error(`shell skeleton lacks #${id}`);
    return el;
  };
  return {
    root,
    taskpaneBody: get("pane-body"),
    dialogBody: get("dialog-body"),
    hidden: get("function-runtimes"),
  };
}

function time(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleString();
}

export class ShellUi {
  private host: OutlookHost;
  private root: HTMLElement;
  private emulatorProxy: string;
  private settingsBuilt = false;

  constructor(host: OutlookHost, dom: ShellDom, emulatorProxy: string) {
    this.host = host;
    this.root = dom.root;
    this.emulatorProxy = emulatorProxy;
    this.wire();
    host.onChange(() => this.render());
    this.render();
  }

  private $(id: string): HTMLElement {
    const el = this.root.querySelector<HTMLElement>(`#${id}`);
    if (!el) throw new Error(`#${id} missing`);
    return el;
  }

  private wire(): void {
    const host = this.host;
    this.$("new-mail").addEventListener("click", () => host.openDraft());
    this.$("refresh").addEventListener("click", () => void host.refresh().catch(() => {}));
    this.$("pane-close").addEventListener("click", () => host.closeTaskpane());
    this.$("pane-pin").addEventListener("click", () => host.pinTaskpane(!(host.taskpane?.pinned ?? false)));
    this.$("dialog-close").addEventListener("click", () => host.closeDialogWithX());
    this.$("dialog-window-show").addEventListener("click", () => host.focusDialogWindow());
    this.$("dialog-window-close").addEventListener("click", () => host.closeDialogWithX());
    this.$("prompt-yes").addEventListener("click", () => host.answerPrompt(true));
    this.$("prompt-no").addEventListener("click", () => host.answerPrompt(false));
    this.$("open-settings").addEventListener("click", () => {
      const panel = this.$("settings");
      panel.hidden = !panel.hidden;
      this.$("open-settings").setAttribute("aria-expanded", String(!panel.hidden));
      if (!panel.hidden) this.renderSettings();
    });
    const list = this.$("messages");
    list.addEventListener("keydown", (event) => this.onListKey(event));
    document.addEventListener("keydown", (event) => {
      // Escape in the shell closes the overlay dialog; a popup window is closed in its own window.
      if (event.key === "Escape" && this.host.dialog?.popup === false && !this.host.prompts.length)
        this.host.closeDialogWithX();
    });
  }

  render(): void {
    this.renderSource();
    this.renderFolders();
    this.renderMessages();
    this.renderRibbon();
    this.renderNotifications();
    this.renderReading();
    this.renderTaskpane();
    this.renderDialog();
    this.renderPrompt();
    this.renderStatus();
    if (!this.$("settings").hidden) this.renderSettings();
  }

  private renderSource(): void {
    const el = this.$("source-status");
    el.textContent =
      this.host.sourceKind === "builtin"
        ? "Offline mailbox (emulator unreachable)"
        : "Mailbox: Graph emulator";
  }

  private renderFolders(): void {
    const nav = this.$("folders");
    nav.replaceChildren(
      h(
        "ul",
        {},
        ...this.host.folders.map((f) =>
          h(
            "li",
            {},
            (() => {
              const b = h(
                "button",
                {
                  type: "button",
                  "aria-current":
                    this.host.view === "mail" && f.id === this.host.currentFolderId ? "page" : undefined,
                },
                f.name,
              );
              b.addEventListener("click", () => void this.host.openFolder(f.id).catch(() => {}));
              return b;
            })(),
          ),
        ),
      ),
    );
    // Outlook's Calendar module, as a list of the person's events (singles, series and occurrences).
    const calendar = h(
      "button",
      {
        type: "button",
        id: "open-calendar",
        "aria-current": this.host.view === "calendar" ? "page" : undefined,
      },
      "Calendar",
    );
    calendar.addEventListener("click", () => void this.host.openCalendar().catch(() => {}));
    const newEvent =
      this.host.view === "calendar" ? h("button", { type: "button", id: "new-event" }, "New event") : null;
    newEvent?.addEventListener("click", () => this.host.openNewMeeting());
    nav.append(
      h("ul", { "aria-label": "Calendar" }, h("li", {}, calendar), newEvent ? h("li", {}, newEvent) : null),
    );
    // Shared mailboxes, as Outlook on the web lists mailboxes added to the folder pane.
    const view = this.host.mailboxView;
    const mailboxButton = (label: string, upn: string | null, current: boolean) => {
      const b = h("button", { type: "button", "aria-current": current ? "page" : undefined }, label);
      b.addEventListener("click", () => void this.host.openMailbox(upn).catch(() => {}));
      return h("li", {}, b);
    };
    if (this.host.otherMailboxes.length > 0 || view) {
      nav.append(
        h(
          "ul",
          { "aria-label": "Mailboxes" },
          mailboxButton("My mailbox", null, view === null),
          ...this.host.otherMailboxes.map((m) =>
            mailboxButton(`${m.displayName} (shared)`, m.upn, view?.upn === m.upn),
          ),
        ),
      );
    }
    const current = this.host.folders.find((f) => f.id === this.host.currentFolderId);
    const where = view ? ` – ${view.displayName}` : "";
    this.$("folder-title").textContent =
      this.host.view === "calendar" ? "Calendar" : `${current?.name ?? ""}${where}`;
  }

  private renderEvents(): void {
    const list = this.$("messages");
    const kind = { singleInstance: "", seriesMaster: "[Series] ", occurrence: "[Occurrence] " } as const;
    const rows = this.host.events.map((e, index) => {
      const selected = e.restId === this.host.eventSelection;
      const row = h(
        "div",
        {
          role: "option",
          "aria-selected": String(selected),
          tabindex: selected || (this.host.eventSelection === null && index === 0) ? "0" : "-1",
          class: "msg",
          "data-event-id": e.restId,
        },
        h(
          "span",
          { class: "msg-text" },
          h("span", { class: "from" }, kind[e.type], e.organizer.name || e.organizer.address),
          h("span", { class: "subject" }, e.subject || "(no subject)"),
          h("span", { class: "when" }, time(e.start)),
        ),
      );
      row.addEventListener("click", () => this.host.selectEvent(e.restId));
      return row;
    });
    list.replaceChildren(...rows);
  }

  private renderMessages(): void {
    if (this.host.view === "calendar") {
      this.renderEvents();
      return;
    }
    const list = this.$("messages");
    if (this.host.settings.conversationView) {
      this.renderConversations(list);
      return;
    }
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.restId;
    const selected = new Set(this.host.selection);
    const rows = this.host.messages.map((m, index) => {
      const box = h("input", {
        type: "checkbox",
        "aria-label": `Select ${m.subject || "(no subject)"}`,
        tabindex: "-1",
      });
      box.checked = selected.has(m.restId);
      box.addEventListener("click", (event) => {
        event.stopPropagation();
        this.toggle(m.restId);
      });
      const row = h(
        "div",
        {
          role: "option",
          "aria-selected": String(selected.has(m.restId)),
          tabindex: focusedId === m.restId || (focusedId === undefined && index === 0) ? "0" : "-1",
          class: `msg${m.isRead ? "" : " unread"}`,
          "data-rest-id": m.restId,
        },
        box,
        h(
          "span",
          { class: "msg-text" },
          h("span", { class: "from" }, m.isDraft ? "[Draft] " : "", m.from.name || m.from.address),
          h("span", { class: "subject" }, m.subject || "(no subject)"),
          h("span", { class: "when" }, time(m.receivedDateTime)),
        ),
      );
      row.addEventListener("click", (event) => this.onRowClick(event, m.restId));
      return row;
    });
    list.replaceChildren(...rows);
    if (focusedId) list.querySelector<HTMLElement>(`[data-rest-id="${CSS.escape(focusedId)}"]`)?.focus();
  }

  /**
   * Conversation view, collapsed: one row per conversation of the folder (newest message first, with how many of its
   * messages are here). Selecting a row selects the whole conversation, in other folders too.
   */
  private renderConversations(list: HTMLElement): void {
    const byId = new Map(this.host.messages.map((m) => [m.restId, m]));
    const rows = this.host.conversations().map((c, index) => {
      const newest = byId.get(c.inFolder[0] ?? "");
      const selected = this.host.selectedConversation === c.conversationId;
      const row = h(
        "div",
        {
          role: "option",
          "aria-selected": String(selected),
          tabindex: index === 0 ? "0" : "-1",
          class: `msg${newest?.isRead === false ? " unread" : ""}`,
          "data-conversation-id": c.conversationId,
        },
        h(
          "span",
          { class: "msg-text" },
          h("span", { class: "from" }, newest ? newest.from.name || newest.from.address : ""),
          h(
            "span",
            { class: "subject" },
            `${c.subject || "(no subject)"}${c.inFolder.length > 1 ? ` (${c.inFolder.length})` : ""}`,
          ),
          h("span", { class: "when" }, newest ? time(newest.receivedDateTime) : ""),
        ),
      );
      row.addEventListener(
        "click",
        () => void this.host.selectConversation(c.conversationId).catch(() => {}),
      );
      return row;
    });
    list.replaceChildren(...rows);
  }

  private toggle(restId: string): void {
    const sel = this.host.selection.includes(restId)
      ? this.host.selection.filter((id) => id !== restId)
      : [...this.host.selection, restId];
    this.host.selectMessages(sel);
    this.host.anchor = restId;
  }

  private onRowClick(event: MouseEvent, restId: string): void {
    if (event.ctrlKey || event.metaKey) {
      this.toggle(restId);
    } else if (event.shiftKey && this.host.anchor) {
      this.selectRange(this.host.anchor, restId);
    } else {
      this.host.selectMessages([restId]);
    }
  }

  private selectRange(from: string, to: string): void {
    const ids = this.host.messages.map((m) => m.restId);
    const a = ids.indexOf(from);
    const b = ids.indexOf(to);
    if (a < 0 || b < 0) return;
    const anchor = this.host.anchor;
    this.host.selectMessages(ids.slice(Math.min(a, b), Math.max(a, b) + 1));
    this.host.anchor = anchor;
  }

  private onListKey(event: KeyboardEvent): void {
    // Conversation view's rows are chosen by click (or selectConversation); keys move nothing there.
    if (this.host.settings.conversationView) return;
    const ids = this.host.messages.map((m) => m.restId);
    const current = (document.activeElement as HTMLElement | null)?.dataset?.restId;
    const index = current ? ids.indexOf(current) : -1;
    const focus = (i: number) => {
      const id = ids[Math.max(0, Math.min(ids.length - 1, i))];
      if (!id) return;
      if (event.shiftKey && this.host.anchor) this.selectRange(this.host.anchor, id);
      else if (!event.ctrlKey) this.host.selectMessages([id]);
      this.$("messages")
        .querySelector<HTMLElement>(`[data-rest-id="${CSS.escape(id)}"]`)
        ?.focus();
    };
    if (event.key === "ArrowDown") focus(index + 1);
    else if (event.key === "ArrowUp") focus(index - 1);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(ids.length - 1);
    else if (event.key === " " && current) this.toggle(current);
    else if (event.key === "a" && (event.ctrlKey || event.metaKey))
      this.host.selectMessages(ids.slice(0, 100));
    else return;
    event.preventDefault();
  }

  private renderRibbon(): void {
    const ribbon = this.$("ribbon");
    const groups = this.host.ribbonGroups();
    const state = new Map(this.host.ribbonButtons().map((b) => [b.id, b.enabled]));
    ribbon.replaceChildren(
      ...groups.map((g) =>
        h(
          "div",
          { role: "toolbar", "aria-label": g.label || this.host.manifest.displayName, class: "ribbon-group" },
          ...g.buttons.map((b) => {
            const icon = b.icons["32"] ?? b.icons["16"] ?? b.icons["80"] ?? "";
            const button = h(
              "button",
              {
                type: "button",
                class: "ribbon-button",
                title: b.supertipTitle
                  ? `${b.supertipTitle}\n${b.supertipDescription}`
                  : b.supertipDescription,
                "aria-description": b.supertipDescription || undefined,
                "data-control-id": b.id,
                disabled: state.get(b.id) !== true,
              },
              icon ? h("img", { src: icon, alt: "", width: "32", height: "32" }) : null,
              h("span", {}, b.label),
            );
            button.addEventListener("click", () => this.host.pressButton(b.id));
            return button;
          }),
          h("span", { class: "group-label" }, g.label),
        ),
      ),
    );
  }

  private renderNotifications(): void {
    const key = itemKeyOf(this.host.currentItemSnapshot());
    const list = this.host.notificationsFor(key);
    const bar = this.$("notifications");
    bar.replaceChildren(
      ...list.map((n) => {
        const kind =
          n.type === "errorMessage"
            ? "Error"
            : n.type === "progressIndicator"
              ? "In progress"
              : n.type === "insightMessage"
                ? "Insight"
                : "Info";
        const dismiss =
          n.type === "informationalMessage" && key
            ? (() => {
                const b = h("button", { type: "button", "aria-label": `Dismiss: ${n.message}` }, "✕");
                b.addEventListener("click", () => this.host.dismissNotification(key, n.key));
                return b;
              })()
            : null;
        return h(
          "div",
          { class: `note note-${n.type}`, "data-key": n.key },
          h("strong", {}, `${kind}: `),
          h("span", { class: "note-text" }, `${this.host.manifest.displayName}: ${n.message}`),
          dismiss,
        );
      }),
    );
  }

  private renderReading(): void {
    const area = this.$("reading-content");
    const compose = this.host.compose;
    if (compose) {
      if (area.dataset.draft === compose.draftKey) {
        const status = area.querySelector(".draft-status");
        if (status) status.textContent = compose.saved ? "Saved to Drafts" : "Not saved";
        return;
      }
      area.dataset.draft = compose.draftKey;
      const subject = h("input", { id: "draft-subject", type: "text" });
      subject.value = compose.subject;
      subject.addEventListener("input", () => this.host.setDraftSubject(subject.value));
      const save = h("button", { type: "button" }, "Save draft");
      save.addEventListener("click", () => void this.host.saveDraft().catch(() => {}));
      const discard = h("button", { type: "button" }, "Discard");
      discard.addEventListener("click", () => this.host.closeDraft());
      area.replaceChildren(
        h(
          "form",
          { class: "compose", "aria-label": "New message" },
          h("label", { for: "draft-subject" }, "Subject"),
          subject,
          h("textarea", { "aria-label": "Message body", rows: "8" }),
          h(
            "div",
            {},
            save,
            discard,
            h("span", { class: "draft-status" }, compose.saved ? "Saved to Drafts" : "Not saved"),
          ),
        ),
      );
      return;
    }
    delete area.dataset.draft;
    const snapshot = this.host.currentItemSnapshot();
    if (snapshot?.itemType === "appointment" && snapshot.mode === "compose") {
      // The organizer's form, as Outlook opens a meeting the person organizes (or a new one): editable fields.
      const isNew = this.host.newMeeting !== null;
      const subject = h("input", { id: "meeting-subject", type: "text", readonly: "" });
      subject.value = snapshot.subject;
      const attendees = [...snapshot.requiredAttendees, ...snapshot.optionalAttendees]
        .map((a) => a.emailAddress)
        .join("; ");
      const discard = isNew ? h("button", { type: "button" }, "Discard") : null;
      discard?.addEventListener("click", () => this.host.discardNewMeeting());
      area.replaceChildren(
        h(
          "form",
          { class: "compose", "aria-label": isNew ? "New event" : "Meeting you organize" },
          h("label", { for: "meeting-subject" }, "Title"),
          subject,
          h("p", { class: "meta" }, `${time(snapshot.start)} – ${time(snapshot.end)}`),
          h("p", { class: "meta" }, `Attendees: ${attendees || "none"}`),
          snapshot.seriesId
            ? h("p", { class: "meta" }, "Occurrence of a series")
            : snapshot.recurrence
              ? h("p", { class: "meta" }, "Recurring series")
              : null,
          h("div", {}, discard, h("span", { class: "draft-status" }, isNew ? "Not saved" : "Saved")),
        ),
      );
      return;
    }
    if (snapshot?.itemType === "appointment") {
      const e = this.host.calendarEvent(this.host.eventSelection ?? "");
      const series =
        e.type === "seriesMaster"
          ? "Recurring series"
          : e.type === "occurrence"
            ? "Occurrence of a series"
            : "";
      area.replaceChildren(
        h(
          "article",
          { "aria-label": "Calendar event" },
          h("h2", {}, e.subject || "(no subject)"),
          h(
            "p",
            { class: "meta" },
            `${time(e.start)} – ${time(e.end)}${e.location ? `  ·  ${e.location}` : ""}`,
          ),
          h("p", { class: "meta" }, `Organizer: ${e.organizer.name} <${e.organizer.address}>`),
          series ? h("p", { class: "meta" }, series) : null,
        ),
      );
      return;
    }
    if (this.host.view === "calendar") {
      area.replaceChildren(h("p", { class: "empty" }, "Select an event to read"));
      return;
    }
    const sel = this.host.selection;
    if (sel.length === 0) {
      area.replaceChildren(h("p", { class: "empty" }, "Select an item to read"));
    } else if (sel.length > 1) {
      area.replaceChildren(h("p", { class: "empty" }, `${sel.length} items selected`));
    } else {
      const m = this.host.message(sel[0] ?? "");
      if (!m) return;
      area.replaceChildren(
        h(
          "article",
          { "aria-label": "Message" },
          h("h2", {}, m.subject || "(no subject)"),
          h("p", { class: "meta" }, `${m.from.name} <${m.from.address}>  ·  ${time(m.receivedDateTime)}`),
          m.shared ? h("p", { class: "meta" }, `In ${m.shared.owner}'s mailbox (shared)`) : null,
          h("p", {}, m.bodyPreview),
        ),
      );
    }
  }

  private renderTaskpane(): void {
    const pane = this.host.taskpane;
    const aside = this.$("taskpane");
    aside.hidden = pane === null;
    // The aside has a 1 px border on its left: the add-in's frame gets exactly the width asked for.
    const width = this.host.settings.taskpaneWidth;
    aside.style.width = width === null ? "" : `${width + 1}px`;
    document.documentElement.dataset.theme = this.host.settings.theme;
    if (!pane) return;
    this.$("pane-title").textContent = this.host.manifest.displayName;
    const pin = this.$("pane-pin");
    pin.hidden = !pane.supportsPinning;
    pin.setAttribute("aria-pressed", String(pane.pinned));
    pin.textContent = pane.pinned ? "Unpin" : "Pin";
  }

  private renderDialog(): void {
    const dialog = this.host.dialog;
    const layer = this.$("dialog-layer");
    const note = this.$("dialog-window");
    layer.hidden = dialog === null || dialog.popup;
    note.hidden = dialog === null || !dialog.popup;
    if (!dialog) return;
    if (dialog.popup) {
      this.$("dialog-window-text").textContent = `${dialog.title}: dialog open in another window`;
      return;
    }
    this.$("dialog-title").textContent = dialog.title;
    const box = this.$("dialog-box");
    box.style.width = `${dialog.widthPercent}vw`;
    box.style.height = `${dialog.heightPercent}vh`;
  }

  private renderPrompt(): void {
    const prompt = this.host.prompts[0];
    const layer = this.$("prompt-layer");
    const wasHidden = layer.hidden;
    layer.hidden = prompt === undefined;
    if (!prompt) return;
    this.$("prompt-text").textContent = prompt.text;
    this.$("prompt-yes").textContent = prompt.kind === "dialog" ? "Allow" : "Accept";
    this.$("prompt-no").textContent = prompt.kind === "dialog" ? "Ignore" : "Cancel";
    if (wasHidden) this.$("prompt-yes").focus();
  }

  private renderStatus(): void {
    const last = this.host.lastCommand();
    const parts: string[] = [];
    if (this.host.loadError) parts.push(`Mailbox error: ${this.host.loadError}`);
    if (last) {
      const state = last.timedOut
        ? "did not complete: the add-in never called event.completed()"
        : last.completedAt
          ? `completed at ${new Date(last.completedAt).toLocaleTimeString()}`
          : last.startedAt
            ? "running"
            : "queued";
      parts.push(`${last.label}: ${state}`);
    }
    this.$("status").textContent = parts.join(" · ");
  }

  private renderSettings(): void {
    const panel = this.$("settings");
    const host = this.host;
    if (!this.settingsBuilt) {
      this.settingsBuilt = true;
      const statusOptions = BridgeStatusValues.map((s) => `<option value="${s}">${s}</option>`).join("");
      panel.innerHTML = `
        <h2>Simulator</h2>
        <label><input type="checkbox" id="set-naa"> Nested app authentication (NestedAppAuth 1.1 and the bridge)</label>
        <label><input type="checkbox" id="set-consumer"> Outlook.com mailbox (accountType "consumer": no nested app authentication)</label>
        <label><input type="checkbox" id="set-autoaccept"> Accept sign-in prompts automatically</label>
        <label><input type="checkbox" id="set-conversations"> Conversation view (collapsed): a conversation selects its messages in every folder</label>
        <fieldset><legend>Bridge fault</legend>
          <label>Status <select id="fault-status">${statusOptions}</select></label>
          <label><input type="checkbox" id="fault-silent" checked> GetToken</label>
          <label><input type="checkbox" id="fault-popup"> GetTokenPopup</label>
          <label><input type="checkbox" id="fault-sticky"> Every call (sticky)</label>
          <button type="button" id="fault-add">Queue fault</button>
          <button type="button" id="fault-clear">Clear faults</button>
          <p id="fault-list"></p>
        </fieldset>
        <label>Dialogs <select id="set-dialog">
          <option value="normal">Open</option><option value="prompt">Ask (Allow / Ignore)</option>
          <option value="ignore">Ignored (12009)</option><option value="blocked">Blocked by browser (12011)</option><option value="untrusted">Domain not trusted (12004)</option>
        </select></label>
        <label>getSelectedItemsAsync <select id="set-selfault">
          <option value="">Works</option><option value="itemNull">Fails when item is null</option>
          <option value="internalError">Internal Error with several items</option></select></label>
        <label>Display language <input id="set-lang" type="text" size="8"></label>
        <label>Outlook theme <select id="set-theme">
          <option value="light">Light</option><option value="dark">Dark</option>
          <option value="high-contrast">High contrast</option></select></label>
        <label>Command timeout (ms) <input id="set-timeout" type="number" min="100"></label>
        <fieldset><legend>Emulator faults (JSON rule or list)</legend>
          <textarea id="emu-faults" rows="5" aria-label="Fault rules JSON"></textarea>
          <button type="button" id="emu-apply">Apply</button> <button type="button" id="emu-clear">Clear</button>
          <p id="emu-result" role="status"></p>
        </fieldset>
        <button type="button" id="pane-reload">Reload task pane</button>
        <button type="button" id="settings-close">Close</button>`;
      const input = (id: string) => this.$(id) as HTMLInputElement;
      input("set-naa").addEventListener("change", () => host.setNaa(input("set-naa").checked));
      input("set-consumer").addEventListener("change", () =>
        host.setAccountType(input("set-consumer").checked ? "consumer" : "enterprise"),
      );
      input("set-conversations").addEventListener("change", () =>
        host.setConversationView(input("set-conversations").checked),
      );
      input("set-autoaccept").addEventListener("change", () => {
        host.settings.popupAutoAccept = input("set-autoaccept").checked;
      });
      this.$("fault-add").addEventListener("click", () =>
        host.failNextToken((this.$("fault-status") as HTMLSelectElement).value as BridgeStatusValue, {
          silent: input("fault-silent").checked,
          popup: input("fault-popup").checked,
          sticky: input("fault-sticky").checked,
        }),
      );
      this.$("fault-clear").addEventListener("click", () => host.clearTokenFaults());
      this.$("set-dialog").addEventListener("change", () =>
        host.setDialogBehavior((this.$("set-dialog") as HTMLSelectElement).value as DialogBehavior),
      );
      this.$("set-selfault").addEventListener("change", () => {
        const v = (this.$("set-selfault") as HTMLSelectElement).value;
        host.settings.selectionFault = v === "itemNull" || v === "internalError" ? v : null;
      });
      this.$("set-theme").addEventListener("change", () => {
        const v = (this.$("set-theme") as HTMLSelectElement).value;
        if (isSimTheme(v)) host.setTheme(v);
      });
      input("set-lang").addEventListener("change", () =>
        host.setLanguage(input("set-lang").value || "en-US"),
      );
      input("set-timeout").addEventListener("change", () =>
        host.setCommandTimeout(Math.max(100, Number(input("set-timeout").value) || 300_000)),
      );
      this.$("emu-apply").addEventListener("click", () => void this.emulatorFaults("POST"));
      this.$("emu-clear").addEventListener("click", () => void this.emulatorFaults("DELETE"));
      this.$("pane-reload").addEventListener("click", () => host.reloadTaskpane());
      this.$("settings-close").addEventListener("click", () => this.$("open-settings").click());
    }
    (this.$("set-naa") as HTMLInputElement).checked = host.settings.naa;
    (this.$("set-consumer") as HTMLInputElement).checked = host.settings.accountType === "consumer";
    (this.$("set-autoaccept") as HTMLInputElement).checked = host.settings.popupAutoAccept;
    (this.$("set-conversations") as HTMLInputElement).checked = host.settings.conversationView;
    (this.$("set-dialog") as HTMLSelectElement).value = host.settings.dialogBehavior;
    (this.$("set-selfault") as HTMLSelectElement).value = host.settings.selectionFault ?? "";
    (this.$("set-theme") as HTMLSelectElement).value = host.settings.theme;
    const lang = this.$("set-lang") as HTMLInputElement;
    if (document.activeElement !== lang) lang.value = host.settings.displayLanguage;
    const timeout = this.$("set-timeout") as HTMLInputElement;
    if (document.activeElement !== timeout) timeout.value = String(host.config.commandTimeoutMs);
    const faults = [
      ...host.tokenFaults.GetToken.map((f) => `GetToken ${f.status}${f.sticky ? " (sticky)" : ""}`),
      ...host.tokenFaults.GetTokenPopup.map((f) => `GetTokenPopup ${f.status}${f.sticky ? " (sticky)" : ""}`),
    ];
    this.$("fault-list").textContent = faults.length
      ? `Queued: ${faults.join(", ")}`
      : "No bridge faults queued.";
  }

  private async emulatorFaults(method: "POST" | "DELETE"): Promise<void> {
    const out = this.$("emu-result");
    try {
      const init: RequestInit = { method };
      if (method === "POST") {
        init.headers = { "Content-Type": "application/json" };
        init.body = (this.$("emu-faults") as HTMLTextAreaElement).value;
      }
      const response = await fetch(`${this.emulatorProxy}/_emulator/faults`, init);
      out.textContent = `Emulator answered ${response.status}`;
    } catch (error) {
      out.textContent = `Emulator unreachable: ${String(error)}`;
    }
  }
}
