/**
 * Every sentence, label and heading a person sees, in English: the reference catalogue. Other languages are typed
 * against it (`Catalogue` in ./index.ts): they must have exactly these keys, and a unit test checks that each
 * translation uses exactly the same {placeholders}. Keep it one flat object so that the type system sees each
 * value as a literal and can type the parameters of `t()`.
 *
 * Nouns that change with the kind of item (message, contact, event) come as grammatical forms (noun.*): German
 * needs different articles and cases, so sentences take {theNom}, {theAcc}, {thisAcc}, {it}, … rather than a
 * bare noun. English fills several forms with the same words.
 *
 * Kept out on purpose: Graph error codes, HTTP statuses, permission names (Mail.ReadWrite) and the deployer's
 * configuration messages about VITE_* variables (src/core/config.ts), which are for whoever builds the add-in.
 */
export const en = {
  // Item kinds: grammatical forms used inside sentences.
  "noun.message.theNom": "the message",
  "noun.message.theAcc": "the message",
  "noun.message.TheNom": "The message",
  "noun.message.thisNom": "this message",
  "noun.message.thisAcc": "this message",
  "noun.message.ThisNom": "This message",
  "noun.message.it": "it",
  "noun.message.itAcc": "it",
  "noun.message.stillThere": "still in the folder",
  "noun.contact.theNom": "the contact",
  "noun.contact.theAcc": "the contact",
  "noun.contact.TheNom": "The contact",
  "noun.contact.thisNom": "this contact",
  "noun.contact.thisAcc": "this contact",
  "noun.contact.ThisNom": "This contact",
  "noun.contact.it": "it",
  "noun.contact.itAcc": "it",
  "noun.contact.stillThere": "still in the contacts",
  "noun.event.theNom": "the event",
  "noun.event.theAcc": "the event",
  "noun.event.TheNom": "The event",
  "noun.event.thisNom": "this event",
  "noun.event.thisAcc": "this event",
  "noun.event.ThisNom": "This event",
  "noun.event.it": "it",
  "noun.event.itAcc": "it",
  "noun.event.stillThere": "still in the calendar",

  // Graph failures (src/core/purge/graphWording.ts).
  "graph.codeNote": " (Graph error {code})",
  "graph.statusNote": " (HTTP {status})",
  "graph.statusCodeNote": " (HTTP {status}, Graph error {code})",
  "graph.then.afterThat": "try again after that",
  "graph.then.fewMinutes": "try again in a few minutes",
  "graph.then.again": "try again",
  "graph.notDeleted": "{TheNom} was not deleted; {advice}.",
  "graph.notDeletedUncertain":
    "An earlier attempt may already have deleted {theAcc}; if {it} is {stillThere}, {advice}.",
  "graph.notDeletedTail": " {TheNom} was not deleted.",
  "graph.maybeDeleted": "{TheNom} may or may not have been deleted; if {it} is {stillThere}, {advice}.",
  "graph.unauthorized": "Your sign-in has expired or was revoked{note}. Sign in again, then retry.",
  "graph.forbidden.readConsent":
    "Your organization's consent settings or policies don't allow the add-in to do this{note}. Ask an administrator to grant consent.",
  "graph.forbidden.read":
    "Microsoft Graph refused to let the add-in read this{note}. The add-in may lack permission for this mailbox; an administrator may need to grant consent.",
  "graph.forbidden.accessDenied":
    "The add-in isn't allowed to delete {thisAcc}{note}. It needs the delegated {scope} permission, and an administrator may need to grant consent. Nothing was deleted.",
  "graph.forbidden.accessDeniedShared":
    "You don't have delete rights on that mailbox, so Exchange refused to delete {thisAcc}{note}. The add-in's {scope}.Shared permission is granted; what is missing is your own permission on the mailbox. Nothing was deleted; ask the mailbox's owner or an administrator for Full Access or \"Delete all\" rights.",
  "graph.forbidden.consent":
    "Your organization's consent settings or policies don't allow the add-in to delete {thisAcc}{note}. Ask an administrator to grant consent. Nothing was deleted.",
  "graph.forbidden.cannotDelete":
    "Exchange refused to delete {thisAcc}{note}: {it} may already be in Recoverable Items, or a retention label may protect {it}. Nothing was deleted.",
  "graph.forbidden.other":
    "Microsoft Graph refused to delete {thisAcc}{note}. Nothing was deleted; ask an administrator if you should have access.",
  // A 404 says only that Exchange didn't find the item where the ID pointed: deleted, moved (a move changes the ID),
  // or out of the person's reach (Exchange answers an item you can't access the same way). Never "it's gone".
  "graph.notFound.own":
    "{ThisNom} wasn't found where Outlook showed {itAcc}: deleted, or moved (a move changes the ID). Nothing was deleted.",
  "graph.notFound.shared":
    "{ThisNom} wasn't found in {mailbox}: deleted, moved, or not accessible to you there. Nothing was deleted.",
  "graph.notFoundUncertain":
    "{ThisNom} wasn't found where {it} was. An earlier attempt got no answer in time, so that attempt probably deleted {itAcc}.",
  "graph.mailboxNotEnabled":
    "Microsoft Graph can't reach this mailbox: it is on-premises, inactive or unlicensed. Nothing was deleted; delete {itAcc} in Outlook.",
  "graph.wrongMailbox.shared":
    "{ThisNom} belongs to a different mailbox than the shared one the add-in addressed{note}. Nothing was deleted; open {itAcc} again from the folder {it} is in and retry.",
  "graph.wrongMailbox.other":
    "{ThisNom} belongs to a different mailbox than yours (a shared or delegated one){note}, and Outlook didn't say whose, so the add-in won't guess. Nothing was deleted; open {theAcc} on its own in that mailbox's folder and delete {itAcc} from there.",
  "graph.notFoundRead":
    "Microsoft Graph couldn't find what the add-in asked for{note}: it may have been deleted or moved.",
  "graph.malformedId": "Outlook gave the add-in an item ID that Microsoft Graph can't read{note}.",
  "graph.malformedIdTail": " Nothing was deleted; select {theAcc} again and retry.",
  "graph.badRequest": "Microsoft Graph rejected the add-in's request{note}.",
  "graph.unexpectedSuccess.read":
    "Microsoft Graph answered HTTP {status} with content the add-in can't read. Try again; if it keeps happening, contact support.",
  "graph.unexpectedSuccess.delete":
    "Microsoft Graph answered HTTP {status} instead of 204 No Content, so the add-in can't confirm {theNom} was deleted. If {it} is {stillThere}, try again.",
  "graph.unexpectedStatus": "Microsoft Graph gave an answer the add-in doesn't expect{note}.",
  "graph.wait.one": "about {minutes} minute",
  "graph.wait.other": "about {minutes} minutes",
  "graph.throttledTooLong": "Microsoft Graph asked the add-in to wait {wait} before trying again{note}.",
  "graph.throttled": "Microsoft Graph is limiting the add-in's requests right now{note}.",
  "graph.gatewayTimeout": "Microsoft Graph didn't answer in time{note}.",
  "graph.unavailable": "Microsoft Graph is temporarily unavailable{note}.",
  "graph.serverError": "Microsoft Graph had a server error{note}.",
  "graph.serverErrorTail": "If {theNom} is {stillThere}, {it} was not deleted; try again later.",
  "graph.network": "Couldn't reach Microsoft Graph. Check your connection and try again.",
  "graph.networkUncertain":
    "Couldn't reach Microsoft Graph, or the connection dropped before it answered. Check your connection; {theNom} may or may not have been deleted; if {it} is {stillThere}, try again.",
  "graph.timeout.one": "Microsoft Graph didn't answer within {seconds} second.",
  "graph.timeout.other": "Microsoft Graph didn't answer within {seconds} seconds.",
  "graph.cancelled": "Cancelled.",
  "graph.cancelledUnderWay": "Cancelled while the request was under way.",
  "graph.cancelledNotDeleted": "Cancelled. {TheNom} was not deleted.",
  "graph.missingId":
    "The add-in has no usable ID for {thisAcc}. Nothing was deleted; select {itAcc} again and retry.",
  "graph.foreignLink":
    "Microsoft Graph pointed the add-in to another site; the add-in did not follow it, to keep your sign-in safe.",
  "graph.unknownOutcome":
    "Microsoft Graph's answer didn't say what happened to {thisNom}, so {it} may or may not have been deleted. If {it} is {stillThere}, try again.",
  "graph.cancelledBeforeItem": "Cancelled before this item: not deleted.",
  "graph.dependency":
    "{TheNom} was not deleted: Microsoft Graph kept skipping {itAcc} because a request before {itAcc} in the same batch failed. Try again.",

  "common.tryAfterThat": "Try again after that.",
  "common.tryFewMinutes": "Try again in a few minutes.",
  "common.tryLater": "Try again later.",
  "common.checkConnection": "Check your connection and try again.",
  "common.nothingDeleted": "Nothing was deleted.",
  "common.notDeleted": "Not deleted.",
  "common.noSubject": "(no subject)",
  "common.noName": "(no name)",
  "common.quoted": "“{text}”",
  "common.cancel": "Cancel",
  "common.dismiss": "Dismiss",
  "common.deletePermanently": "Delete permanently",
  "common.loading": "Loading…",
  "common.working": "Working",
  "common.listSeparator": "; ",

  // Sign-in (src/core/auth/errors.ts).
  "auth.notConfigured":
    "This copy of the add-in has no Microsoft Entra app configured, so it can't sign in. Set VITE_AAD_CLIENT_ID when building it (see the README's 'Deploy' section), or ask whoever deployed it.",
  "auth.interactionRequired": "Sign in to let the add-in delete mail for you. Nothing has been deleted.",
  "auth.cancelled": "Sign-in was cancelled, so nothing was deleted. Choose Sign in when you're ready.",
  "auth.timedOut":
    "Sign-in didn't finish within {minutes} minutes, so its window was closed. Nothing was deleted. Choose Sign in to try again.",
  "auth.popupBlocked":
    "The sign-in window was blocked. Allow pop-ups for Outlook, then choose Sign in again. Nothing was deleted.",
  "auth.network":
    "Couldn't reach the Microsoft sign-in service. Check your connection and try again. Nothing was deleted.",
  "auth.accountUnavailable":
    "Outlook didn't give the add-in a signed-in account. Sign out of Outlook and back in, then try again. Nothing was deleted.",
  "auth.conditionalAccess":
    "Your organization's sign-in policy blocks this add-in. Ask your administrator to allow it (conditional access), and give them the correlation ID shown. Nothing was deleted.",
  "auth.failed":
    "Sign-in failed. Try again in a moment; if it keeps failing, give your administrator the details below.",
  "auth.errorCode": "Error code: {code}",
  "auth.correlationId": "Correlation ID: {id}",

  // Office (src/core/office).
  "office.requirement":
    "{feature} needs the {set} {version} requirement set, which this version of Outlook doesn't support. Use Outlook on the web or the new Outlook for Windows, or update Outlook.",
  "office.draftNotSaved":
    "This draft hasn't been saved yet, so it has nothing to delete. Save the draft first, then try again.",
  "office.meetingNotSaved":
    "This meeting hasn't been saved yet, so there's nothing to delete. If you don't want it, discard it in Outlook.",
  "office.noItem": "No message is selected. Select a message, then try again.",
  "office.unsupportedItem": "This add-in deletes messages; the selected item is a {itemType}.",
  "feature.restIds": "Deleting the selected message",
  "feature.composeItemId": "Deleting a saved draft",
  "feature.confirmationDialog": "The confirmation dialog",
  "feature.nestedAppAuth": "Single sign-on",
  "feature.sharedFolders": "Deleting items in shared folders and shared mailboxes",
  "feature.authContext": "Knowing who is signed in",
  "feature.appointment": "Deleting a calendar event",
  "feature.multiSelect": "Deleting several selected messages",
  "dialog.12004":
    "Outlook refused to open the confirmation because its address isn't trusted (error 12004). The add-in's origin must be listed in AppDomains in its manifest: ask whoever deployed the add-in. Nothing was deleted.",
  "dialog.12005":
    "Outlook refused to open the confirmation because its address isn't https (error 12005). The add-in must be served over https: ask whoever deployed it. Nothing was deleted.",
  "dialog.12006": "The confirmation was closed, so nothing was deleted.",
  "dialog.12007":
    "Another dialog from this add-in is still open (error 12007). Close it, then try again. Nothing was deleted.",
  "dialog.12009":
    "The confirmation was blocked because Ignore was chosen when Outlook asked (error 12009). Try again and choose Allow. Nothing was deleted.",
  "dialog.12011":
    "Your browser blocked the confirmation window (error 12011). Allow pop-ups for Outlook, then try again. Nothing was deleted.",
  "dialog.other":
    "Outlook couldn't open the confirmation{note}. Try again; if it keeps failing, reload Outlook. Nothing was deleted.",
  "dialog.errorNote": " (error {code})",
  "shared.thisMailbox": "this mailbox",
  "shared.deleteOwnOnly":
    "Your permissions on {where} let you delete only items you created there, and this message isn't one of them, so the add-in doesn't offer to delete it. Nothing was deleted; ask the mailbox's owner or an administrator for \"Delete all\" rights if you need to.",
  "shared.deleteOwnOnlyShort":
    "You may delete only your own items in {where}; this message isn't one. Nothing was deleted.",
  "shared.noDelete":
    "Your permissions on {where} don't include deleting items, so the add-in doesn't offer to delete this message. Nothing was deleted; ask the mailbox's owner or an administrator for delete rights if you need to.",
  "shared.noDeleteShort": "You don't have delete rights on {where}. Nothing was deleted.",
  "shared.calendar":
    "This event is in a calendar someone shared with you. The add-in deletes events permanently only in your own calendar, so it doesn't offer it here. Nothing was deleted; the calendar's owner can delete it.",
  "shared.calendarShort": "The add-in deletes events only in your own calendar. Nothing was deleted.",

  // Clouds (src/core/cloud.ts).
  "cloud.name.global": "Microsoft's global cloud",
  "cloud.name.usgov": "the Microsoft 365 US Government cloud (GCC High)",
  "cloud.name.usgov-dod": "the Microsoft 365 US Government DoD cloud",
  "cloud.name.china": "Microsoft 365 operated by 21Vianet (China)",
  "cloud.short.global": "the global cloud",
  "cloud.short.usgov": "the US Government cloud",
  "cloud.short.usgov-dod": "the US Government DoD cloud",
  "cloud.short.china": "the China cloud",
  "cloud.plural.message": "messages",
  "cloud.plural.contact": "contacts",
  "cloud.plural.event": "calendar events",
  "cloud.plural.mailFolder": "mail folders",
  "cloud.where.global": "Microsoft's global cloud",
  "cloud.where.globalAndChina": "Microsoft's global cloud and the China cloud",
  "cloud.unavailable":
    "This mailbox is in {cloud}, where Microsoft Graph can't permanently delete {what}: that operation exists only in {where}. Nothing was deleted, and the add-in won't try. Use Outlook's own Delete instead, or ask your administrator, who can purge items with Microsoft Purview.",
  "cloud.unavailableShort":
    "Microsoft Graph can't permanently delete {what} in {cloud}, where this mailbox is. Nothing was deleted.",

  // The purge workflow and its results (src/core/purge).
  "purge.changed":
    "The selection changed while the confirmation was open, so nothing was deleted. Check what is selected and try again.",
  "purge.mismatch": "The confirmation didn't match what was shown, so nothing was deleted. Try again.",
  "purge.notAttempted": "Not deleted: the run stopped before this item.",
  "purge.holdNote":
    "Outlook can't bring it back. If your mailbox is on hold, your organization keeps a copy for its retention period.",
  "purge.short.notConfigured":
    "The add-in has no Microsoft Entra app configured, so it can't sign in. Ask whoever deployed it. Nothing was deleted.",
  "purge.short.conditionalAccess":
    "Your organization's sign-in policy blocks this add-in. Ask your admin{id}. Nothing was deleted.",
  "purge.short.conditionalAccessId": " (ID {id})",
  "purge.short.12004":
    "Outlook blocked the confirmation (error 12004): the add-in's origin isn't in its AppDomains. Ask your admin. Nothing was deleted.",
  "purge.short.12005":
    "Outlook blocked the confirmation (error 12005): it isn't served over https. Ask your admin. Nothing was deleted.",
  "purge.title.deleted": "Deleted permanently",
  "purge.title.alreadyGone": "Not found",
  "purge.title.notDeleted": "Not deleted",
  "purge.title.cancelled": "Cancelled",
  "purge.title.nothingDeleted": "Nothing deleted",
  "purge.title.alreadyDeleting": "Already deleting",
  "purge.title.someNotDeleted": "Some messages not deleted",
  "purge.title.signInNeeded": "Sign-in needed",
  "purge.title.cantSignIn": "Can't sign in",
  "purge.title.nothingToDelete": "Nothing to delete",
  "purge.title.notSupported": "Not supported here",
  "purge.title.outlookError": "Outlook error",
  "purge.title.graphError": "Microsoft Graph error",
  "purge.title.wentWrong": "Something went wrong",
  "purge.title.cantDeleteHere": "Can't delete in this mailbox",
  "purge.title.notInCloud": "Not available in this cloud",
  "purge.deleted": "{subject} was deleted permanently. {hold}",
  "purge.busy": "A deletion is already running. Wait for it to finish.",
  "purge.count.purged": "{purged} of {total} deleted permanently",
  "purge.count.gone": "{count} not found",
  "purge.count.failed": "{count} not deleted",
  "purge.count.notAttempted": "{count} not attempted",
  "purge.count.separator": ", ",
  "purge.count.noneFound":
    "None of the {count} was found where Outlook said, so nothing was deleted. The report below says more for each.",
  "purge.count.unfinished":
    "{counts}. The report below says why for each; run it again to retry what is left.",
  "purge.count.finished": "{counts}. {hold}",
  "purge.notification.deleted":
    "Deleted permanently. Outlook can't recover it; a mailbox hold keeps a copy for retention.",
  "purge.outlookError":
    "Outlook reported an error ({operation}{code}). Nothing was deleted. Try again; if it keeps happening, reload Outlook.",
  "purge.outlookErrorCode": ", {code}",
  "purge.unexpected":
    "Something unexpected went wrong, and nothing was deleted. Try again; if it keeps happening, reload Outlook.",
  "purge.configNothingDeleted": "{problem} Nothing was deleted.",
  "purge.configUnreadable": "The add-in's configuration can't be read.",
  "purge.configSeeReadme": "{problem} See the README's 'Deploy' section.",
  "outcome.purged": "Deleted permanently",
  "outcome.already-gone": "Not found",
  "outcome.failed": "Not deleted",
  "outcome.not-attempted": "Not attempted",
  "csv.subject": "Subject",
  "csv.sender": "Sender",
  "csv.senderAddress": "Sender address",
  "csv.received": "Received",
  "csv.folder": "Folder",
  "csv.outcome": "Outcome",
  "csv.reason": "Reason",
  "csv.fileName": "permanent-delete-report.csv",

  // Selections and folders read from Graph (src/core/purge/mailData.ts, folders.ts).
  "selection.sharedReason":
    "In a shared or delegated mailbox: with several messages selected Outlook doesn't say whose, so the add-in won't guess. Select it on its own to delete it.",
  "selection.draft": "A draft open for editing: save and close it first.",
  "selection.notMessage": "Not a message.",
  "selection.gone": "Not found: deleted or moved (a move changes its ID), or an ID Outlook gave wrongly.",
  "folder.note.code": " (Graph error {code})",
  "folder.note.status": " (HTTP {status})",
  "folder.gone": "The folder {name} wasn't found{note}: it was deleted or moved. Nothing was deleted.",
  "folder.goneUncertain":
    "The folder {name} wasn't found. An earlier attempt got no answer in time, so that attempt probably deleted it.",
  "folder.maybeDeleted":
    "The folder {name} may or may not have been deleted: an earlier attempt got no answer in time{note}. If it is still in the list, try again.",
  "folder.distinguished":
    "{name} is one of Outlook's own folders, which can't be deleted{note}. Nothing was deleted.",
  "folder.accessDenied":
    "The add-in isn't allowed to delete this folder{note}. It needs the delegated Mail.ReadWrite permission; an administrator may need to grant consent. Nothing was deleted.",
  "folder.refused": "Exchange refused to delete the folder {name}{note}. Nothing was deleted.",
  "folder.throttled":
    "Microsoft Graph is limiting the add-in's requests right now{note}. The folder was not deleted; try again in a few minutes.",
  "folder.serverError":
    "Microsoft Graph had a problem{note}. The folder may or may not have been deleted; if it is still in the list, try again later.",
  "folder.rejected": "Microsoft Graph refused the request{note}. The folder was not deleted.",
  "folder.cancelled": "Cancelled. The folder was not deleted.",
  "folder.unauthorized":
    "Your sign-in has expired or was revoked. Sign in again, then retry. The folder was not deleted.",
  "folder.notReached": "The request didn't reach Exchange{note}. The folder was not deleted; try again.",
  "folder.connectionFailed":
    "The connection failed before Microsoft Graph answered. The folder may or may not have been deleted; if it is still in the list, try again.",
  "folder.unreadable":
    "Microsoft Graph's answer couldn't be read. The folder may or may not have been deleted; if it is still in the list, try again.",

  // Calendar events (src/core/purge/eventWording.ts).
  "event.organizerNote":
    "Microsoft Graph's documentation for permanently deleting an event says nothing about attendees: it doesn't say they get a cancellation or that the meeting leaves their calendars, so don't count on either. If attendees should know, cancel the meeting in Outlook instead.",
  "event.fromTo": "{start} to {end}",
  "event.starting": "starting {start}",
  "event.organizedByYou": "Organized by you.",
  "event.organizedBy": "Organized by {name}.",
  "event.organizedByAddress": "Organized by {name} <{address}>.",
  "event.occurrence.title": "Delete this one occurrence permanently?",
  "event.occurrence.scope":
    "Only this occurrence is deleted. The other occurrences of the series stay in your calendar; to delete them all, open the series and delete it there.",
  "event.occurrence.scopeWhen":
    "Only this occurrence ({time}) is deleted. The other occurrences of the series stay in your calendar; to delete them all, open the series and delete it there.",
  "event.series.title": "Delete the whole series permanently?",
  "event.series.scope":
    "This is a recurring series: the whole series is deleted from your calendar, with every one of its occurrences, not just one.",
  "event.single.title": "Delete this event permanently?",
  "event.single.scope": "This one event is deleted from your calendar.",
  "event.seriesAt": "Outlook shows the series at: {time}.",
  "event.when": "When: {time}.",

  // Task pane (src/taskpane).
  "pane.title": "Permanent Delete",
  "pane.intro": "Deletes mail for good: it skips Deleted Items and can't be recovered in Outlook.",
  "pane.notConfigured": "Not configured",
  "pane.readingMessage": "Reading the selected message…",
  "pane.selectedMessage": "Selected message",
  "pane.deleting": "Deleting…",
  "pane.signIn": "Sign in",
  "pane.otherMailboxOnly":
    "Deleting several messages, whole folders or contacts works in your own mailbox only. Open one of your own messages to use it.",
  "pane.detail.http": "HTTP {status}",
  "pane.detail.code": "Code: {code}",
  "pane.detail.requestId": "Request ID: {id}",
  "pane.detail.date": "Date: {date}",
  "pane.inMailbox": "In the mailbox {mailbox}",
  "pane.sharedWithYou": " (shared with you)",
  "pane.openedAsOther": " (opened as another mailbox)",
  "item.from": "From {sender}",
  "item.received": "Received {date}",
  "confirm.title": "Delete this message permanently?",
  "confirm.titleMany": "Delete {count} messages permanently?",
  "confirm.inMailbox": "In the mailbox {mailbox}, not your own.",
  "confirm.ownCalendar": "In your own calendar.",
  "confirm.ownMailbox": "In your own mailbox.",
  "confirm.ownAndOther": "In your own mailbox and in {mailboxes}.",
  "confirm.warning": 'It skips Deleted Items and "Recover deleted items". {hold}',
  "confirm.pageWarning":
    "This skips Deleted Items and can't be recovered in Outlook. If your mailbox is on hold, your organization keeps a copy for its retention period.",
  "confirm.pageTitle": "Delete permanently?",
  "confirm.items": "Items to delete",
  "confirm.fromReceived": " · Received {date}",
  "confirm.receivedOnly": "Received {date}",
  "signin.signingIn": "Signing you in…",
  "signin.signedIn": "Signed in. You can close this window.",
  "signin.failed": "Sign-in failed. Close this window and try again.",
  "signin.pageTitle": "Sign in · Permanent Delete",

  // Bulk (src/taskpane/bulk).
  "bulk.mixedRun": "Contacts and messages can't be deleted in one run.",
  "bulk.unavailable": "Bulk purge is not available.",
  "bulk.preparingReport": "Preparing the report…",
  "bulk.deleteFolder": "Delete a whole folder…",
  "bulk.loadingContacts": "Loading contacts…",
  "bulk.deleteContacts": "Delete contacts…",
  "bulk.confirm.title.message.one": "Delete {count} message permanently?",
  "bulk.confirm.title.message.other": "Delete {count} messages permanently?",
  "bulk.confirm.title.contact.one": "Delete {count} contact permanently?",
  "bulk.confirm.title.contact.other": "Delete {count} contacts permanently?",
  "bulk.confirm.scope": "This deletes {scope}.",
  "bulk.confirm.sample.message": "Some of the messages",
  "bulk.confirm.sample.contact": "Some of the contacts",
  "bulk.confirm.more": "…and {count} more",
  "bulk.confirm.warning": 'They skip Deleted Items and "Recover deleted items". {hold}',
  "bulk.typeToConfirm": "Type {count} to confirm",
  "progress.label": "Deletion progress",
  "progress.deleting.message.one": "Deleting {count} message…",
  "progress.deleting.message.other": "Deleting {count} messages…",
  "progress.deleting.contact.one": "Deleting {count} contact…",
  "progress.deleting.contact.other": "Deleting {count} contacts…",
  "progress.left": "About {duration} left",
  "progress.seconds": "{seconds} s",
  "progress.minutes": "{minutes} min {seconds} s",
  "progress.counts": "{purged} deleted · {gone} not found · {failed} failed · {left} left",
  "progress.cancelling": "Cancelling…",
  "progress.stopping": "Stopping: nothing new is sent; what is already on its way is reported.",
  "report.label": "Report",
  "report.counts":
    "{purged} deleted permanently · {gone} not found · {failed} not deleted · {notAttempted} not attempted",
  "report.copy": "Copy report",
  "report.download": "Download CSV",
  "report.copied": "Report copied.",
  "report.copyFailed": "Couldn't copy: use Download instead.",
  "report.column.message": "Message",
  "report.column.contact": "Contact",
  "report.column.outcome": "Outcome",
  "report.column.reason": "Reason",
  "selection.changed":
    "The selection in Outlook changed while you were confirming, so nothing was deleted. Check the list and try again.",
  "selection.checking": "Checking the selected messages…",
  "selection.scope.one": "the {count} selected message you ticked, in your own mailbox",
  "selection.scope.other": "the {count} selected messages you ticked, in your own mailbox",
  "selection.label": "Selected messages",
  "selection.count.one": "{count} message selected",
  "selection.count.other": "{count} messages selected",
  "selection.left": "{remaining} of {total} selected messages left",
  "selection.severalFolders":
    "Outlook selected a conversation across several folders ({folders}). None is ticked: tick the ones to delete.",
  "selection.leftOut": "Left out: {items}",
  "selection.leftOutItem": "{subject} ({reason})",
  "selection.delete": "Delete {count} permanently",
  "folders.loading": "Loading folders…",
  "folders.empty": "{folder} is empty.",
  "folders.scope.one": "the {count} message in {folder}, in your own mailbox",
  "folders.scope.other": "all {count} messages in {folder}, in your own mailbox",
  "folders.scopeChanged.one":
    "the {count} message listed in {folder}, in your own mailbox ({folder} changed while it was listed and now holds {now}: only the listed one goes)",
  "folders.scopeChanged.other":
    "the {count} messages listed in {folder}, in your own mailbox ({folder} changed while it was listed and now holds {now}: only the listed ones go)",
  "folders.changedALot.one":
    "{folder} changed a lot since it was listed ({count} message, now {now}), so nothing was deleted. Check it and confirm again.",
  "folders.changedALot.other":
    "{folder} changed a lot since it was listed ({count} messages, now {now}), so nothing was deleted. Check it and confirm again.",
  "folders.label": "Delete a whole folder",
  "folders.folder": "Folder",
  "folders.option": "{folder} ({count})",
  "folders.deleteAllIn": "Delete all {count} in {folder}…",
  "folders.deleteAll": "Delete all…",
  "folders.listing": "Listing messages… {count}",
  "folders.stopListing": "Stop listing",
  "folders.order":
    "Deleted Items and Junk Email come first. Running it again later continues with whatever is left.",
  "folders.contents.messages.one": "its {count} message",
  "folders.contents.messages.other": "its {count} messages",
  "folders.contents.subfolders.one": "its subfolder with everything in it",
  "folders.contents.subfolders.other": "its {count} subfolders with everything in them",
  "folders.contents.and": "{first} and {second}",
  "folders.cantCheck":
    "Deleting a folder itself isn't offered right now: the add-in couldn't check which folders are Outlook's own. Reload the pane to try again.",
  "folders.outlooksOwn": "{folder} is one of Outlook's own folders: you can empty it, but not delete it.",
  "folders.changed":
    "{folder} changed after you saw it (now {contents}), so nothing was deleted. Check it and confirm again.",
  "folders.changedEmpty": "empty",
  "folders.deletedTitle": "Folder deleted",
  "folders.deletedWith":
    "The folder {folder} and {contents} were deleted permanently. Outlook can't bring them back.",
  "folders.deletedEmpty": "The folder {folder} was deleted permanently. Outlook can't bring it back.",
  "folders.notDeletedTitle": "Folder not deleted",
  "folders.deleteItself": "Delete the folder {folder} itself…",
  "folders.confirmTitle": "Delete the folder {folder} permanently?",
  "folders.confirmWith": "This deletes the folder {folder} with {contents}.",
  "folders.confirmEmpty": "This deletes the empty folder {folder}.",
  "folders.warning":
    "A folder deleted this way is removed from your mailbox outright: it doesn't go to Deleted Items or to Recoverable Items (not even to Purges, where permanently deleted messages wait), so neither Outlook nor \"Recover deleted items\" can bring it or anything in it back. Microsoft doesn't document whether a hold on your mailbox keeps copies of its messages.",
  "folders.deleteFolder": "Delete folder permanently",
  "contacts.title": "Delete contacts",
  "contacts.close": "Close contacts",
  "contacts.label": "Contacts",
  "contacts.loadingFolders": "Loading your contact folders…",
  "contacts.scope.one": "the {count} contact you ticked in your “{folder}” contact folder",
  "contacts.scope.other": "the {count} contacts you ticked in your “{folder}” contact folder",
  "contacts.noMatch": "No contacts in “{folder}” match “{term}”.",
  "contacts.none": "“{folder}” has no contacts.",
  "contacts.match.one": "{count} contact in “{folder}” matches “{term}”.",
  "contacts.match.other": "{count} contacts in “{folder}” match “{term}”.",
  "contacts.count.one": "{count} contact in “{folder}”.",
  "contacts.count.other": "{count} contacts in “{folder}”.",
  "contacts.search": "Search contacts",
  "contacts.folder": "Contact folder",
  "contacts.term": "Name or email address",
  "contacts.termHint":
    "Names match from the start of the first name, last name or full name; an email address must match exactly.",
  "contacts.searchButton": "Search",
  "contacts.reading": "Reading contacts…",
  "contacts.truncated": "Only the first {limit} are listed. Search by name or address to narrow the list.",
  "contacts.selectAll": "Select all {count} listed",
  "contacts.found": "Contacts found",
  "contacts.delete.one": "Delete {count} contact permanently…",
  "contacts.delete.other": "Delete {count} contacts permanently…",
} as const;
