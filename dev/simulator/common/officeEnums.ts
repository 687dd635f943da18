/**
 * The enumerations of office.js that an Outlook add-in reads (`Office.AsyncResultStatus`, `Office.EventType`,
 * `Office.MailboxEnums`), with office.js's string values (npm `@microsoft/office-js` 1.1.110,
 * `dist/outlook-web-16.01.debug.js`; `@types/office-js` names them). The office.js stand-in and the unit tests'
 * Office fake (test/support/officeFake.ts) both expose these objects.
 */
import { HostEvent } from "./protocol";

export const AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" } as const;

export const EventType = {
  ItemChanged: HostEvent.ItemChanged,
  SelectedItemsChanged: HostEvent.SelectedItemsChanged,
  DialogMessageReceived: HostEvent.DialogMessageReceived,
  DialogEventReceived: HostEvent.DialogEventReceived,
  DialogParentMessageReceived: HostEvent.DialogParentMessageReceived,
  OfficeThemeChanged: HostEvent.OfficeThemeChanged,
} as const;

export const MailboxEnums = {
  ItemType: { Message: "message", Appointment: "appointment" },
  RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
  ItemNotificationMessageType: {
    ProgressIndicator: "progressIndicator",
    InformationalMessage: "informationalMessage",
    ErrorMessage: "errorMessage",
    InsightMessage: "insightMessage",
  },
  DelegatePermissions: { Read: 1, Write: 2, DeleteOwn: 4, DeleteAll: 8, EditOwn: 16, EditAll: 32 },
  OWAView: {
    OneColumnNarrow: "OneColumnNarrow",
    OneColumn: "OneColumn",
    TwoColumns: "TwoColumns",
    ThreeColumns: "ThreeColumns",
  },
} as const;
