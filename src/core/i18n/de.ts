/**
 * Deutsch. Loaded on demand (see ./index.ts); typed against the English catalogue, so a missing or extra key
 * fails the type check, and catalogue.test.ts checks that each entry has the same {placeholders}.
 *
 * Outlook's own German terms: „Endgültig löschen“, „Gelöschte Elemente“, „Junk-E-Mail“, „Wiederherstellbare
 * Elemente“, „Gelöschte Elemente wiederherstellen“, „Postfach“, „Add-In“, „Vollzugriff“. Formal address (Sie),
 * as in Outlook.
 */
import type { Catalogue } from "./index";

export const de: Catalogue = {
  "noun.message.theNom": "die Nachricht",
  "noun.message.theAcc": "die Nachricht",
  "noun.message.TheNom": "Die Nachricht",
  "noun.message.thisNom": "diese Nachricht",
  "noun.message.thisAcc": "diese Nachricht",
  "noun.message.ThisNom": "Diese Nachricht",
  "noun.message.it": "sie",
  "noun.message.itAcc": "sie",
  "noun.message.stillThere": "noch im Ordner",
  "noun.contact.theNom": "der Kontakt",
  "noun.contact.theAcc": "den Kontakt",
  "noun.contact.TheNom": "Der Kontakt",
  "noun.contact.thisNom": "dieser Kontakt",
  "noun.contact.thisAcc": "diesen Kontakt",
  "noun.contact.ThisNom": "Dieser Kontakt",
  "noun.contact.it": "er",
  "noun.contact.itAcc": "ihn",
  "noun.contact.stillThere": "noch in den Kontakten",
  "noun.event.theNom": "der Termin",
  "noun.event.theAcc": "den Termin",
  "noun.event.TheNom": "Der Termin",
  "noun.event.thisNom": "dieser Termin",
  "noun.event.thisAcc": "diesen Termin",
  "noun.event.ThisNom": "Dieser Termin",
  "noun.event.it": "er",
  "noun.event.itAcc": "ihn",
  "noun.event.stillThere": "noch im Kalender",

  "graph.codeNote": " (Graph-Fehler {code})",
  "graph.statusNote": " (HTTP {status})",
  "graph.statusCodeNote": " (HTTP {status}, Graph-Fehler {code})",
  "graph.then.afterThat": "versuchen Sie es danach erneut",
  "graph.then.fewMinutes": "versuchen Sie es in ein paar Minuten erneut",
  "graph.then.again": "versuchen Sie es erneut",
  "graph.notDeleted": "{TheNom} wurde nicht gelöscht; {advice}.",
  "graph.notDeletedUncertain":
    "Ein früherer Versuch hat {theAcc} möglicherweise schon gelöscht; wenn {it} {stillThere} ist, {advice}.",
  "graph.notDeletedTail": " {TheNom} wurde nicht gelöscht.",
  "graph.maybeDeleted":
    "{TheNom} wurde möglicherweise gelöscht, möglicherweise auch nicht; wenn {it} {stillThere} ist, {advice}.",
  "graph.unauthorized":
    "Ihre Anmeldung ist abgelaufen oder wurde widerrufen{note}. Melden Sie sich erneut an, und versuchen Sie es dann noch einmal.",
  "graph.forbidden.readConsent":
    "Die Einstellungen oder Richtlinien Ihrer Organisation zur Zustimmung erlauben dem Add-In das nicht{note}. Bitten Sie einen Administrator, die Zustimmung zu erteilen.",
  "graph.forbidden.read":
    "Microsoft Graph hat dem Add-In das Lesen verweigert{note}. Dem Add-In fehlt möglicherweise die Berechtigung für dieses Postfach; eventuell muss ein Administrator die Zustimmung erteilen.",
  "graph.forbidden.accessDenied":
    "Das Add-In darf {thisAcc} nicht löschen{note}. Es benötigt die delegierte Berechtigung {scope}, und eventuell muss ein Administrator die Zustimmung erteilen. Es wurde nichts gelöscht.",
  "graph.forbidden.accessDeniedShared":
    "Sie haben in diesem Postfach keine Löschrechte, deshalb hat Exchange das Löschen abgelehnt: {thisAcc} bleibt erhalten{note}. Die Berechtigung {scope}.Shared des Add-Ins ist erteilt; es fehlt Ihre eigene Berechtigung für das Postfach. Es wurde nichts gelöscht; bitten Sie den Besitzer des Postfachs oder einen Administrator um Vollzugriff oder das Recht „Alle löschen“.",
  "graph.forbidden.consent":
    "Die Einstellungen oder Richtlinien Ihrer Organisation zur Zustimmung erlauben dem Add-In nicht, {thisAcc} zu löschen{note}. Bitten Sie einen Administrator, die Zustimmung zu erteilen. Es wurde nichts gelöscht.",
  "graph.forbidden.cannotDelete":
    "Exchange hat das Löschen abgelehnt: {thisAcc} bleibt erhalten{note}. Möglicherweise ist {it} schon unter „Wiederherstellbare Elemente“, oder eine Aufbewahrungsbezeichnung schützt {it}. Es wurde nichts gelöscht.",
  "graph.forbidden.other":
    "Microsoft Graph hat das Löschen abgelehnt: {thisAcc} bleibt erhalten{note}. Es wurde nichts gelöscht; fragen Sie einen Administrator, ob Sie Zugriff haben sollten.",
  "graph.notFound.own":
    "{ThisNom} wurde nicht dort gefunden, wo Outlook {itAcc} zeigte: gelöscht oder verschoben (das ändert die ID). Nichts wurde gelöscht.",
  "graph.notFound.shared":
    "{ThisNom} wurde in {mailbox} nicht gefunden: gelöscht, verschoben oder für Sie dort nicht zugänglich. Nichts gelöscht.",
  "graph.notFoundUncertain":
    "{ThisNom} wurde nicht mehr dort gefunden, wo {it} war. Ein früherer Versuch blieb ohne Antwort; er hat {itAcc} wahrscheinlich gelöscht.",
  "graph.mailboxNotEnabled":
    "Microsoft Graph erreicht dieses Postfach nicht: lokal, inaktiv oder ohne Lizenz. Nichts wurde gelöscht; löschen Sie {itAcc} in Outlook.",
  "graph.wrongMailbox.shared":
    "{ThisNom} gehört zu einem anderen Postfach als dem freigegebenen, an das sich das Add-In gewandt hat{note}. Es wurde nichts gelöscht; öffnen Sie {itAcc} erneut aus dem Ordner, in dem {it} liegt, und versuchen Sie es noch einmal.",
  "graph.wrongMailbox.other":
    "{ThisNom} gehört zu einem anderen Postfach als Ihrem (einem freigegebenen oder delegierten){note}, und Outlook hat nicht angegeben, zu welchem; das Add-In rät nicht. Es wurde nichts gelöscht; öffnen Sie {theAcc} einzeln im Ordner dieses Postfachs, und löschen Sie {itAcc} dort.",
  "graph.notFoundRead":
    "Microsoft Graph hat nicht gefunden, wonach das Add-In gefragt hat{note}: Es wurde möglicherweise gelöscht oder verschoben.",
  "graph.malformedId":
    "Outlook hat dem Add-In eine Element-ID übergeben, die Microsoft Graph nicht lesen kann{note}.",
  "graph.malformedIdTail":
    " Es wurde nichts gelöscht; wählen Sie {theAcc} erneut aus, und versuchen Sie es noch einmal.",
  "graph.badRequest": "Microsoft Graph hat die Anfrage des Add-Ins abgelehnt{note}.",
  "graph.unexpectedSuccess.read":
    "Microsoft Graph hat mit HTTP {status} geantwortet, aber mit einem Inhalt, den das Add-In nicht lesen kann. Versuchen Sie es erneut; wenn das immer wieder passiert, wenden Sie sich an den Support.",
  "graph.unexpectedSuccess.delete":
    "Microsoft Graph hat mit HTTP {status} statt 204 No Content geantwortet, deshalb kann das Add-In nicht bestätigen, dass {theNom} gelöscht wurde. Wenn {it} {stillThere} ist, versuchen Sie es erneut.",
  "graph.unexpectedStatus":
    "Microsoft Graph hat eine Antwort gegeben, mit der das Add-In nicht rechnet{note}.",
  "graph.wait.one": "etwa {minutes} Minute",
  "graph.wait.other": "etwa {minutes} Minuten",
  "graph.throttledTooLong":
    "Microsoft Graph hat das Add-In gebeten, vor dem nächsten Versuch {wait} zu warten{note}.",
  "graph.throttled": "Microsoft Graph begrenzt gerade die Anfragen des Add-Ins{note}.",
  "graph.gatewayTimeout": "Microsoft Graph hat nicht rechtzeitig geantwortet{note}.",
  "graph.unavailable": "Microsoft Graph ist vorübergehend nicht verfügbar{note}.",
  "graph.serverError": "Bei Microsoft Graph ist ein Serverfehler aufgetreten{note}.",
  "graph.serverErrorTail":
    "Wenn {theNom} {stillThere} ist, wurde {it} nicht gelöscht; versuchen Sie es später erneut.",
  "graph.network":
    "Microsoft Graph ist nicht erreichbar. Prüfen Sie Ihre Verbindung, und versuchen Sie es erneut.",
  "graph.networkUncertain":
    "Microsoft Graph war nicht erreichbar, oder die Verbindung ist vor der Antwort abgebrochen. Prüfen Sie Ihre Verbindung; {theNom} wurde möglicherweise gelöscht, möglicherweise auch nicht; wenn {it} {stillThere} ist, versuchen Sie es erneut.",
  "graph.timeout.one": "Microsoft Graph hat nicht innerhalb von {seconds} Sekunde geantwortet.",
  "graph.timeout.other": "Microsoft Graph hat nicht innerhalb von {seconds} Sekunden geantwortet.",
  "graph.cancelled": "Abgebrochen.",
  "graph.cancelledUnderWay": "Abgebrochen, während die Anfrage unterwegs war.",
  "graph.cancelledNotDeleted": "Abgebrochen. {TheNom} wurde nicht gelöscht.",
  "graph.missingId":
    "Das Add-In hat keine verwendbare ID für {thisAcc}. Es wurde nichts gelöscht; wählen Sie {itAcc} erneut aus, und versuchen Sie es noch einmal.",
  "graph.foreignLink":
    "Microsoft Graph hat das Add-In auf eine andere Website verwiesen; das Add-In ist dem nicht gefolgt, damit Ihre Anmeldung sicher bleibt.",
  "graph.unknownOutcome":
    "Aus der Antwort von Microsoft Graph geht nicht hervor, ob {thisNom} gelöscht wurde; {it} wurde möglicherweise gelöscht, möglicherweise auch nicht. Wenn {it} {stillThere} ist, versuchen Sie es erneut.",
  "graph.cancelledBeforeItem": "Vor diesem Element abgebrochen: nicht gelöscht.",
  "graph.dependency":
    "{TheNom} wurde nicht gelöscht: Microsoft Graph hat {itAcc} immer wieder übersprungen, weil eine Anfrage davor im selben Batch fehlgeschlagen ist. Versuchen Sie es erneut.",

  "common.tryAfterThat": "Versuchen Sie es danach erneut.",
  "common.tryFewMinutes": "Versuchen Sie es in ein paar Minuten erneut.",
  "common.tryLater": "Versuchen Sie es später erneut.",
  "common.checkConnection": "Prüfen Sie Ihre Verbindung, und versuchen Sie es erneut.",
  "common.nothingDeleted": "Es wurde nichts gelöscht.",
  "common.notDeleted": "Nicht gelöscht.",
  "common.noSubject": "(kein Betreff)",
  "common.noName": "(kein Name)",
  "common.quoted": "„{text}“",
  "common.cancel": "Abbrechen",
  "common.dismiss": "Schließen",
  "common.deletePermanently": "Endgültig löschen",
  "common.loading": "Wird geladen…",
  "common.working": "Wird ausgeführt",
  "common.listSeparator": "; ",

  "auth.notConfigured":
    "Für diese Kopie des Add-Ins ist keine Microsoft Entra-App konfiguriert, deshalb kann sie sich nicht anmelden. Legen Sie beim Erstellen VITE_AAD_CLIENT_ID fest (siehe Abschnitt „Deploy“ in der README), oder wenden Sie sich an die Person, die das Add-In bereitgestellt hat.",
  "auth.interactionRequired":
    "Melden Sie sich an, damit das Add-In E-Mails für Sie löschen kann. Es wurde nichts gelöscht.",
  "auth.cancelled":
    "Die Anmeldung wurde abgebrochen, deshalb wurde nichts gelöscht. Wählen Sie „Anmelden“, wenn Sie bereit sind.",
  "auth.timedOut":
    "Die Anmeldung war nach {minutes} Minuten nicht fertig, ihr Fenster wurde geschlossen. Es wurde nichts gelöscht. Wählen Sie erneut „Anmelden“.",
  "auth.popupBlocked":
    "Das Anmeldefenster wurde blockiert. Lassen Sie Pop-ups für Outlook zu, und wählen Sie dann erneut „Anmelden“. Es wurde nichts gelöscht.",
  "auth.network":
    "Der Microsoft-Anmeldedienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung, und versuchen Sie es erneut. Es wurde nichts gelöscht.",
  "auth.accountUnavailable":
    "Outlook hat dem Add-In kein angemeldetes Konto übergeben. Melden Sie sich bei Outlook ab und wieder an, und versuchen Sie es dann erneut. Es wurde nichts gelöscht.",
  "auth.conditionalAccess":
    "Die Anmelderichtlinie Ihrer Organisation blockiert dieses Add-In. Bitten Sie Ihren Administrator, es zuzulassen (bedingter Zugriff), und nennen Sie ihm die angezeigte Korrelations-ID. Es wurde nichts gelöscht.",
  "auth.failed":
    "Die Anmeldung ist fehlgeschlagen. Versuchen Sie es gleich noch einmal; wenn es weiterhin fehlschlägt, geben Sie Ihrem Administrator die folgenden Details.",
  "auth.errorCode": "Fehlercode: {code}",
  "auth.correlationId": "Korrelations-ID: {id}",

  "office.requirement":
    "{feature} erfordert den Anforderungssatz {set} {version}, den diese Outlook-Version nicht unterstützt. Verwenden Sie Outlook im Web oder das neue Outlook für Windows, oder aktualisieren Sie Outlook.",
  "office.draftNotSaved":
    "Dieser Entwurf wurde noch nicht gespeichert, es gibt also nichts zu löschen. Speichern Sie den Entwurf zuerst, und versuchen Sie es dann erneut.",
  "office.meetingNotSaved":
    "Diese Besprechung ist noch nicht gespeichert: Es gibt nichts zu löschen. Verwerfen Sie sie in Outlook, wenn Sie sie nicht möchten.",
  "office.noItem":
    "Es ist keine Nachricht ausgewählt. Wählen Sie eine Nachricht aus, und versuchen Sie es dann erneut.",
  "office.unsupportedItem":
    "Dieses Add-In löscht Nachrichten; das ausgewählte Element hat den Typ {itemType}.",
  "feature.restIds": "Das Löschen der ausgewählten Nachricht",
  "feature.composeItemId": "Das Löschen eines gespeicherten Entwurfs",
  "feature.confirmationDialog": "Das Bestätigungsdialogfeld",
  "feature.nestedAppAuth": "Das einmalige Anmelden",
  "feature.sharedFolders": "Das Löschen von Elementen in freigegebenen Ordnern und Postfächern",
  "feature.authContext": "Das Erkennen des angemeldeten Benutzers",
  "feature.appointment": "Das Löschen eines Kalendertermins",
  "feature.multiSelect": "Das Löschen mehrerer ausgewählter Nachrichten",
  "dialog.12004":
    "Outlook hat die Bestätigung nicht geöffnet, weil ihre Adresse nicht vertrauenswürdig ist (Fehler 12004). Der Ursprung des Add-Ins muss im Manifest unter AppDomains stehen: Wenden Sie sich an die Person, die das Add-In bereitgestellt hat. Es wurde nichts gelöscht.",
  "dialog.12005":
    "Outlook hat die Bestätigung nicht geöffnet, weil ihre Adresse kein https verwendet (Fehler 12005). Das Add-In muss über https bereitgestellt werden: Wenden Sie sich an die Person, die es bereitgestellt hat. Es wurde nichts gelöscht.",
  "dialog.12006": "Die Bestätigung wurde geschlossen, deshalb wurde nichts gelöscht.",
  "dialog.12007":
    "Ein anderes Dialogfeld dieses Add-Ins ist noch geöffnet (Fehler 12007). Schließen Sie es, und versuchen Sie es dann erneut. Es wurde nichts gelöscht.",
  "dialog.12009":
    "Die Bestätigung wurde blockiert, weil auf die Frage von Outlook „Ignorieren“ gewählt wurde (Fehler 12009). Versuchen Sie es erneut, und wählen Sie „Zulassen“. Es wurde nichts gelöscht.",
  "dialog.12011":
    "Ihr Browser hat das Bestätigungsfenster blockiert (Fehler 12011). Lassen Sie Pop-ups für Outlook zu, und versuchen Sie es dann erneut. Es wurde nichts gelöscht.",
  "dialog.other":
    "Outlook konnte die Bestätigung nicht öffnen{note}. Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, laden Sie Outlook neu. Es wurde nichts gelöscht.",
  "dialog.errorNote": " (Fehler {code})",
  "shared.thisMailbox": "diesem Postfach",
  "shared.deleteOwnOnly":
    "Mit Ihren Berechtigungen in {where} dürfen Sie nur Elemente löschen, die Sie dort selbst erstellt haben, und diese Nachricht gehört nicht dazu; deshalb bietet das Add-In das Löschen nicht an. Es wurde nichts gelöscht; bitten Sie bei Bedarf den Besitzer des Postfachs oder einen Administrator um das Recht „Alle löschen“.",
  "shared.deleteOwnOnlyShort":
    "Sie dürfen in {where} nur eigene Elemente löschen; diese Nachricht gehört nicht dazu. Es wurde nichts gelöscht.",
  "shared.noDelete":
    "Ihre Berechtigungen in {where} umfassen kein Löschen, deshalb bietet das Add-In das Löschen dieser Nachricht nicht an. Es wurde nichts gelöscht; bitten Sie bei Bedarf den Besitzer des Postfachs oder einen Administrator um Löschrechte.",
  "shared.noDeleteShort": "Sie haben in {where} keine Löschrechte. Es wurde nichts gelöscht.",
  "shared.calendar":
    "Dieser Termin ist in einem Kalender, den jemand für Sie freigegeben hat. Das Add-In löscht Termine nur in Ihrem eigenen Kalender endgültig und bietet es hier deshalb nicht an. Es wurde nichts gelöscht; der Besitzer des Kalenders kann den Termin löschen.",
  "shared.calendarShort":
    "Das Add-In löscht Termine nur in Ihrem eigenen Kalender. Es wurde nichts gelöscht.",

  "cloud.name.global": "der globalen Cloud von Microsoft",
  "cloud.name.usgov": "der Microsoft 365 US Government-Cloud (GCC High)",
  "cloud.name.usgov-dod": "der Microsoft 365 US Government DoD-Cloud",
  "cloud.name.china": "Microsoft 365, betrieben von 21Vianet (China)",
  "cloud.short.global": "der globalen Cloud",
  "cloud.short.usgov": "der US Government-Cloud",
  "cloud.short.usgov-dod": "der US Government DoD-Cloud",
  "cloud.short.china": "der China-Cloud",
  "cloud.plural.message": "Nachrichten",
  "cloud.plural.contact": "Kontakte",
  "cloud.plural.event": "Kalendertermine",
  "cloud.plural.mailFolder": "E-Mail-Ordner",
  "cloud.where.global": "der globalen Cloud von Microsoft",
  "cloud.where.globalAndChina": "der globalen Cloud von Microsoft und der China-Cloud",
  "cloud.unavailable":
    "Dieses Postfach liegt in {cloud}; dort kann Microsoft Graph keine {what} endgültig löschen: Diesen Vorgang gibt es nur in {where}. Es wurde nichts gelöscht, und das Add-In versucht es nicht. Verwenden Sie stattdessen das normale Löschen von Outlook, oder wenden Sie sich an Ihren Administrator, der Elemente mit Microsoft Purview bereinigen kann.",
  "cloud.unavailableShort":
    "Microsoft Graph kann in {cloud}, wo dieses Postfach liegt, keine {what} endgültig löschen. Es wurde nichts gelöscht.",

  "purge.changed":
    "Die Auswahl hat sich geändert, während die Bestätigung geöffnet war, deshalb wurde nichts gelöscht. Prüfen Sie, was ausgewählt ist, und versuchen Sie es erneut.",
  "purge.mismatch":
    "Die Bestätigung passte nicht zu dem, was angezeigt wurde, deshalb wurde nichts gelöscht. Versuchen Sie es erneut.",
  "purge.notAttempted": "Nicht gelöscht: Der Vorgang wurde vor diesem Element beendet.",
  "purge.holdNote":
    "Outlook kann es nicht wiederherstellen. Wenn für Ihr Postfach eine Aufbewahrung gilt, behält Ihre Organisation für deren Dauer eine Kopie.",
  "purge.short.notConfigured":
    "Für das Add-In ist keine Microsoft Entra-App konfiguriert, deshalb kann es sich nicht anmelden. Fragen Sie den Bereitsteller. Nichts gelöscht.",
  "purge.short.conditionalAccess":
    "Die Anmelderichtlinie Ihrer Organisation blockiert das Add-In. Fragen Sie Ihren Admin{id}. Nichts gelöscht.",
  "purge.short.conditionalAccessId": " (ID {id})",
  "purge.short.12004":
    "Outlook hat die Bestätigung blockiert (Fehler 12004): Der Ursprung fehlt in AppDomains. Fragen Sie Ihren Admin. Es wurde nichts gelöscht.",
  "purge.short.12005":
    "Outlook hat die Bestätigung blockiert (Fehler 12005): kein https. Fragen Sie Ihren Admin. Es wurde nichts gelöscht.",
  "purge.title.deleted": "Endgültig gelöscht",
  "purge.title.alreadyGone": "Nicht gefunden",
  "purge.title.notDeleted": "Nicht gelöscht",
  "purge.title.cancelled": "Abgebrochen",
  "purge.title.nothingDeleted": "Nichts gelöscht",
  "purge.title.alreadyDeleting": "Löschvorgang läuft bereits",
  "purge.title.someNotDeleted": "Einige Nachrichten nicht gelöscht",
  "purge.title.signInNeeded": "Anmeldung erforderlich",
  "purge.title.cantSignIn": "Anmeldung nicht möglich",
  "purge.title.nothingToDelete": "Nichts zu löschen",
  "purge.title.notSupported": "Hier nicht unterstützt",
  "purge.title.outlookError": "Outlook-Fehler",
  "purge.title.graphError": "Microsoft Graph-Fehler",
  "purge.title.wentWrong": "Etwas ist schiefgegangen",
  "purge.title.cantDeleteHere": "Löschen in diesem Postfach nicht möglich",
  "purge.title.notInCloud": "In dieser Cloud nicht verfügbar",
  "purge.deleted": "{subject} wurde endgültig gelöscht. {hold}",
  "purge.busy": "Es läuft bereits ein Löschvorgang. Warten Sie, bis er abgeschlossen ist.",
  "purge.count.purged": "{purged} von {total} endgültig gelöscht",
  "purge.count.gone": "{count} nicht gefunden",
  "purge.count.failed": "{count} nicht gelöscht",
  "purge.count.notAttempted": "{count} nicht versucht",
  "purge.count.separator": ", ",
  "purge.count.noneFound":
    "Keines der {count} Elemente wurde dort gefunden, wo Outlook es angezeigt hat; es wurde nichts gelöscht. Der Bericht unten sagt zu jedem mehr.",
  "purge.count.unfinished":
    "{counts}. Der Bericht unten nennt für jedes Element den Grund; führen Sie den Vorgang erneut aus, um den Rest zu wiederholen.",
  "purge.count.finished": "{counts}. {hold}",
  "purge.notification.deleted":
    "Endgültig gelöscht. Outlook kann es nicht wiederherstellen; bei einer Aufbewahrung bleibt eine Kopie erhalten.",
  "purge.outlookError":
    "Outlook hat einen Fehler gemeldet ({operation}{code}). Es wurde nichts gelöscht. Versuchen Sie es erneut; wenn das immer wieder passiert, laden Sie Outlook neu.",
  "purge.outlookErrorCode": ", {code}",
  "purge.unexpected":
    "Etwas Unerwartetes ist schiefgegangen, und es wurde nichts gelöscht. Versuchen Sie es erneut; wenn das immer wieder passiert, laden Sie Outlook neu.",
  "purge.configNothingDeleted": "{problem} Es wurde nichts gelöscht.",
  "purge.configUnreadable": "Die Konfiguration des Add-Ins kann nicht gelesen werden.",
  "purge.configSeeReadme": "{problem} Siehe Abschnitt „Deploy“ in der README.",
  "outcome.purged": "Endgültig gelöscht",
  "outcome.already-gone": "Nicht gefunden",
  "outcome.failed": "Nicht gelöscht",
  "outcome.not-attempted": "Nicht versucht",
  "csv.subject": "Betreff",
  "csv.sender": "Absender",
  "csv.senderAddress": "Absenderadresse",
  "csv.received": "Empfangen",
  "csv.folder": "Ordner",
  "csv.outcome": "Ergebnis",
  "csv.reason": "Grund",
  "csv.fileName": "endgueltig-loeschen-bericht.csv",

  "selection.sharedReason":
    "In einem freigegebenen oder delegierten Postfach: Bei mehreren ausgewählten Nachrichten sagt Outlook nicht, zu wessen Postfach sie gehören, und das Add-In rät nicht. Wählen Sie die Nachricht einzeln aus, um sie zu löschen.",
  "selection.draft": "Ein Entwurf, der gerade bearbeitet wird: Speichern und schließen Sie ihn zuerst.",
  "selection.notMessage": "Keine Nachricht.",
  "selection.gone":
    "Nicht gefunden: gelöscht oder verschoben (beim Verschieben ändert sich die ID), oder Outlook hat eine falsche ID übergeben.",
  "folder.note.code": " (Graph-Fehler {code})",
  "folder.note.status": " (HTTP {status})",
  "folder.gone":
    "Der Ordner {name} wurde nicht gefunden{note}: Er wurde gelöscht oder verschoben. Es wurde nichts gelöscht.",
  "folder.goneUncertain":
    "Der Ordner {name} wurde nicht gefunden. Ein früherer Versuch blieb ohne rechtzeitige Antwort; er hat den Ordner wahrscheinlich gelöscht.",
  "folder.maybeDeleted":
    "Der Ordner {name} wurde möglicherweise gelöscht: Ein früherer Versuch blieb ohne rechtzeitige Antwort{note}. Wenn er noch in der Liste steht, versuchen Sie es erneut.",
  "folder.distinguished":
    "{name} ist einer der eigenen Ordner von Outlook, die sich nicht löschen lassen{note}. Es wurde nichts gelöscht.",
  "folder.accessDenied":
    "Das Add-In darf diesen Ordner nicht löschen{note}. Es benötigt die delegierte Berechtigung Mail.ReadWrite; eventuell muss ein Administrator die Zustimmung erteilen. Es wurde nichts gelöscht.",
  "folder.refused": "Exchange hat das Löschen des Ordners {name} abgelehnt{note}. Es wurde nichts gelöscht.",
  "folder.throttled":
    "Microsoft Graph begrenzt gerade die Anfragen des Add-Ins{note}. Der Ordner wurde nicht gelöscht; versuchen Sie es in ein paar Minuten erneut.",
  "folder.serverError":
    "Bei Microsoft Graph ist ein Problem aufgetreten{note}. Der Ordner wurde möglicherweise gelöscht, möglicherweise auch nicht; wenn er noch in der Liste steht, versuchen Sie es später erneut.",
  "folder.rejected": "Microsoft Graph hat die Anfrage abgelehnt{note}. Der Ordner wurde nicht gelöscht.",
  "folder.cancelled": "Abgebrochen. Der Ordner wurde nicht gelöscht.",
  "folder.unauthorized":
    "Ihre Anmeldung ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut an, und versuchen Sie es dann noch einmal. Der Ordner wurde nicht gelöscht.",
  "folder.notReached":
    "Die Anfrage hat Exchange nicht erreicht{note}. Der Ordner wurde nicht gelöscht; versuchen Sie es erneut.",
  "folder.connectionFailed":
    "Die Verbindung ist vor der Antwort von Microsoft Graph abgebrochen. Der Ordner wurde möglicherweise gelöscht, möglicherweise auch nicht; wenn er noch in der Liste steht, versuchen Sie es erneut.",
  "folder.unreadable":
    "Die Antwort von Microsoft Graph konnte nicht gelesen werden. Der Ordner wurde möglicherweise gelöscht, möglicherweise auch nicht; wenn er noch in der Liste steht, versuchen Sie es erneut.",

  "event.organizerNote":
    "Die Dokumentation von Microsoft Graph zum endgültigen Löschen eines Termins sagt nichts über Teilnehmer: Sie sagt weder, dass sie eine Absage erhalten, noch, dass die Besprechung aus ihren Kalendern verschwindet; verlassen Sie sich also auf keines von beiden. Wenn die Teilnehmer es erfahren sollen, sagen Sie die Besprechung stattdessen in Outlook ab.",
  "event.fromTo": "{start} bis {end}",
  "event.starting": "ab {start}",
  "event.organizedByYou": "Organisiert von Ihnen.",
  "event.organizedBy": "Organisiert von {name}.",
  "event.organizedByAddress": "Organisiert von {name} <{address}>.",
  "event.occurrence.title": "Nur dieses eine Vorkommen endgültig löschen?",
  "event.occurrence.scope":
    "Nur dieses Vorkommen wird gelöscht. Die anderen Vorkommen der Serie bleiben in Ihrem Kalender; um alle zu löschen, öffnen Sie die Serie und löschen sie dort.",
  "event.occurrence.scopeWhen":
    "Nur dieses Vorkommen ({time}) wird gelöscht. Die anderen Vorkommen der Serie bleiben in Ihrem Kalender; um alle zu löschen, öffnen Sie die Serie und löschen sie dort.",
  "event.series.title": "Die ganze Serie endgültig löschen?",
  "event.series.scope":
    "Dies ist eine Terminserie: Die ganze Serie wird mit allen ihren Vorkommen aus Ihrem Kalender gelöscht, nicht nur eines.",
  "event.single.title": "Diesen Termin endgültig löschen?",
  "event.single.scope": "Dieser eine Termin wird aus Ihrem Kalender gelöscht.",
  "event.seriesAt": "Outlook zeigt die Serie am: {time}.",
  "event.when": "Wann: {time}.",

  "pane.title": "Endgültig löschen",
  "pane.intro":
    "Löscht E-Mails für immer: Sie landen nicht in „Gelöschte Elemente“ und lassen sich in Outlook nicht wiederherstellen.",
  "pane.notConfigured": "Nicht konfiguriert",
  "pane.readingMessage": "Die ausgewählte Nachricht wird gelesen…",
  "pane.selectedMessage": "Ausgewählte Nachricht",
  "pane.deleting": "Wird gelöscht…",
  "pane.signIn": "Anmelden",
  "pane.otherMailboxOnly":
    "Mehrere Nachrichten, ganze Ordner oder Kontakte lassen sich nur in Ihrem eigenen Postfach löschen. Öffnen Sie eine Ihrer eigenen Nachrichten, um das zu nutzen.",
  "pane.detail.http": "HTTP {status}",
  "pane.detail.code": "Code: {code}",
  "pane.detail.requestId": "Anforderungs-ID: {id}",
  "pane.detail.date": "Datum: {date}",
  "pane.inMailbox": "Im Postfach {mailbox}",
  "pane.sharedWithYou": " (für Sie freigegeben)",
  "pane.openedAsOther": " (als weiteres Postfach geöffnet)",
  "item.from": "Von {sender}",
  "item.received": "Empfangen {date}",
  "confirm.title": "Diese Nachricht endgültig löschen?",
  "confirm.titleMany": "{count} Nachrichten endgültig löschen?",
  "confirm.inMailbox": "Im Postfach {mailbox}, nicht in Ihrem eigenen.",
  "confirm.ownCalendar": "In Ihrem eigenen Kalender.",
  "confirm.ownMailbox": "In Ihrem eigenen Postfach.",
  "confirm.ownAndOther": "In Ihrem eigenen Postfach und in {mailboxes}.",
  "confirm.warning":
    "Dabei werden „Gelöschte Elemente“ und „Gelöschte Elemente wiederherstellen“ übersprungen. {hold}",
  "confirm.pageWarning":
    "Dabei wird „Gelöschte Elemente“ übersprungen, und Outlook kann nichts wiederherstellen. Wenn für Ihr Postfach eine Aufbewahrung gilt, behält Ihre Organisation für deren Dauer eine Kopie.",
  "confirm.pageTitle": "Endgültig löschen?",
  "confirm.items": "Zu löschende Elemente",
  "confirm.fromReceived": " · Empfangen {date}",
  "confirm.receivedOnly": "Empfangen {date}",
  "signin.signingIn": "Sie werden angemeldet…",
  "signin.signedIn": "Angemeldet. Sie können dieses Fenster schließen.",
  "signin.failed":
    "Die Anmeldung ist fehlgeschlagen. Schließen Sie dieses Fenster, und versuchen Sie es erneut.",
  "signin.pageTitle": "Anmelden · Endgültig löschen",

  "bulk.mixedRun": "Kontakte und Nachrichten können nicht in einem Vorgang gelöscht werden.",
  "bulk.unavailable": "Das Löschen mehrerer Elemente ist nicht verfügbar.",
  "bulk.preparingReport": "Der Bericht wird erstellt…",
  "bulk.deleteFolder": "Einen ganzen Ordner löschen…",
  "bulk.loadingContacts": "Kontakte werden geladen…",
  "bulk.deleteContacts": "Kontakte löschen…",
  "bulk.confirm.title.message.one": "{count} Nachricht endgültig löschen?",
  "bulk.confirm.title.message.other": "{count} Nachrichten endgültig löschen?",
  "bulk.confirm.title.contact.one": "{count} Kontakt endgültig löschen?",
  "bulk.confirm.title.contact.other": "{count} Kontakte endgültig löschen?",
  "bulk.confirm.scope": "Gelöscht wird: {scope}.",
  "bulk.confirm.sample.message": "Einige der Nachrichten",
  "bulk.confirm.sample.contact": "Einige der Kontakte",
  "bulk.confirm.more": "…und {count} weitere",
  "bulk.confirm.warning":
    "Dabei werden „Gelöschte Elemente“ und „Gelöschte Elemente wiederherstellen“ übersprungen. {hold}",
  "bulk.typeToConfirm": "Geben Sie zur Bestätigung {count} ein",
  "progress.label": "Fortschritt des Löschvorgangs",
  "progress.deleting.message.one": "{count} Nachricht wird gelöscht…",
  "progress.deleting.message.other": "{count} Nachrichten werden gelöscht…",
  "progress.deleting.contact.one": "{count} Kontakt wird gelöscht…",
  "progress.deleting.contact.other": "{count} Kontakte werden gelöscht…",
  "progress.left": "Noch etwa {duration}",
  "progress.seconds": "{seconds} s",
  "progress.minutes": "{minutes} min {seconds} s",
  "progress.counts":
    "{purged} gelöscht · {gone} nicht gefunden · {failed} fehlgeschlagen · {left} ausstehend",
  "progress.cancelling": "Wird abgebrochen…",
  "progress.stopping":
    "Wird beendet: Es wird nichts Neues gesendet; was bereits unterwegs ist, wird gemeldet.",
  "report.label": "Bericht",
  "report.counts":
    "{purged} endgültig gelöscht · {gone} nicht gefunden · {failed} nicht gelöscht · {notAttempted} nicht versucht",
  "report.copy": "Bericht kopieren",
  "report.download": "CSV herunterladen",
  "report.copied": "Bericht kopiert.",
  "report.copyFailed": "Kopieren nicht möglich: Verwenden Sie stattdessen „CSV herunterladen“.",
  "report.column.message": "Nachricht",
  "report.column.contact": "Kontakt",
  "report.column.outcome": "Ergebnis",
  "report.column.reason": "Grund",
  "selection.changed":
    "Die Auswahl in Outlook hat sich geändert, während Sie bestätigt haben, deshalb wurde nichts gelöscht. Prüfen Sie die Liste, und versuchen Sie es erneut.",
  "selection.checking": "Die ausgewählten Nachrichten werden geprüft…",
  "selection.scope.one":
    "die {count} ausgewählte Nachricht, die Sie angehakt haben, in Ihrem eigenen Postfach",
  "selection.scope.other":
    "die {count} ausgewählten Nachrichten, die Sie angehakt haben, in Ihrem eigenen Postfach",
  "selection.label": "Ausgewählte Nachrichten",
  "selection.count.one": "{count} Nachricht ausgewählt",
  "selection.count.other": "{count} Nachrichten ausgewählt",
  "selection.left": "{remaining} von {total} ausgewählten Nachrichten übrig",
  "selection.severalFolders":
    "Outlook hat eine Unterhaltung aus mehreren Ordnern ausgewählt ({folders}). Nichts ist angehakt: Haken Sie an, was weg soll.",
  "selection.leftOut": "Ausgelassen: {items}",
  "selection.leftOutItem": "{subject} ({reason})",
  "selection.delete": "{count} endgültig löschen",
  "folders.loading": "Ordner werden geladen…",
  "folders.empty": "{folder} ist leer.",
  "folders.scope.one": "die {count} Nachricht in {folder}, in Ihrem eigenen Postfach",
  "folders.scope.other": "alle {count} Nachrichten in {folder}, in Ihrem eigenen Postfach",
  "folders.scopeChanged.one":
    "die {count} aufgelistete Nachricht in {folder}, in Ihrem eigenen Postfach ({folder} hat sich beim Auflisten verändert und enthält jetzt {now}: nur die aufgelistete wird gelöscht)",
  "folders.scopeChanged.other":
    "die {count} aufgelisteten Nachrichten in {folder}, in Ihrem eigenen Postfach ({folder} hat sich beim Auflisten verändert und enthält jetzt {now}: nur die aufgelisteten werden gelöscht)",
  "folders.changedALot.one":
    "{folder} hat sich seit dem Auflisten stark verändert ({count} Nachricht, jetzt {now}), deshalb wurde nichts gelöscht. Prüfen Sie den Ordner, und bestätigen Sie erneut.",
  "folders.changedALot.other":
    "{folder} hat sich seit dem Auflisten stark verändert ({count} Nachrichten, jetzt {now}), deshalb wurde nichts gelöscht. Prüfen Sie den Ordner, und bestätigen Sie erneut.",
  "folders.label": "Einen ganzen Ordner löschen",
  "folders.folder": "Ordner",
  "folders.option": "{folder} ({count})",
  "folders.deleteAllIn": "Alle {count} in {folder} löschen…",
  "folders.deleteAll": "Alle löschen…",
  "folders.listing": "Nachrichten werden aufgelistet… {count}",
  "folders.stopListing": "Auflisten beenden",
  "folders.order":
    "„Gelöschte Elemente“ und „Junk-E-Mail“ stehen zuerst. Wenn Sie den Vorgang später erneut ausführen, wird mit dem Rest fortgefahren.",
  "folders.contents.messages.one": "seiner {count} Nachricht",
  "folders.contents.messages.other": "seinen {count} Nachrichten",
  "folders.contents.subfolders.one": "seinem Unterordner mit allem Inhalt",
  "folders.contents.subfolders.other": "seinen {count} Unterordnern mit allem Inhalt",
  "folders.contents.and": "{first} und {second}",
  "folders.cantCheck":
    "Das Löschen eines Ordners selbst wird gerade nicht angeboten: Das Add-In konnte nicht prüfen, welche Ordner die eigenen Ordner von Outlook sind. Laden Sie den Bereich neu, um es erneut zu versuchen.",
  "folders.outlooksOwn":
    "{folder} ist einer der eigenen Ordner von Outlook: Sie können ihn leeren, aber nicht löschen.",
  "folders.changed":
    "{folder} hat sich geändert, nachdem Sie ihn gesehen haben (jetzt mit {contents}), deshalb wurde nichts gelöscht. Prüfen Sie ihn, und bestätigen Sie erneut.",
  "folders.changedEmpty": "leer",
  "folders.deletedTitle": "Ordner gelöscht",
  "folders.deletedWith":
    "Der Ordner {folder} wurde mit {contents} endgültig gelöscht. Outlook kann nichts davon wiederherstellen.",
  "folders.deletedEmpty":
    "Der Ordner {folder} wurde endgültig gelöscht. Outlook kann ihn nicht wiederherstellen.",
  "folders.notDeletedTitle": "Ordner nicht gelöscht",
  "folders.deleteItself": "Den Ordner {folder} selbst löschen…",
  "folders.confirmTitle": "Den Ordner {folder} endgültig löschen?",
  "folders.confirmWith": "Gelöscht wird der Ordner {folder} mit {contents}.",
  "folders.confirmEmpty": "Gelöscht wird der leere Ordner {folder}.",
  "folders.warning":
    "Ein so gelöschter Ordner wird sofort aus Ihrem Postfach entfernt: Er kommt weder in „Gelöschte Elemente“ noch unter „Wiederherstellbare Elemente“ (auch nicht in „Purges“, wo endgültig gelöschte Nachrichten warten), deshalb können weder Outlook noch „Gelöschte Elemente wiederherstellen“ ihn oder seinen Inhalt zurückholen. Microsoft dokumentiert nicht, ob eine Aufbewahrung für Ihr Postfach Kopien seiner Nachrichten behält.",
  "folders.deleteFolder": "Ordner endgültig löschen",
  "contacts.title": "Kontakte löschen",
  "contacts.close": "Kontakte schließen",
  "contacts.label": "Kontakte",
  "contacts.loadingFolders": "Ihre Kontaktordner werden geladen…",
  "contacts.scope.one": "der {count} Kontakt, den Sie in Ihrem Kontaktordner „{folder}“ angehakt haben",
  "contacts.scope.other": "die {count} Kontakte, die Sie in Ihrem Kontaktordner „{folder}“ angehakt haben",
  "contacts.noMatch": "Keine Kontakte in „{folder}“ passen zu „{term}“.",
  "contacts.none": "„{folder}“ enthält keine Kontakte.",
  "contacts.match.one": "{count} Kontakt in „{folder}“ passt zu „{term}“.",
  "contacts.match.other": "{count} Kontakte in „{folder}“ passen zu „{term}“.",
  "contacts.count.one": "{count} Kontakt in „{folder}“.",
  "contacts.count.other": "{count} Kontakte in „{folder}“.",
  "contacts.search": "Kontakte suchen",
  "contacts.folder": "Kontaktordner",
  "contacts.term": "Name oder E-Mail-Adresse",
  "contacts.termHint":
    "Namen passen ab dem Anfang des Vornamens, Nachnamens oder vollständigen Namens; eine E-Mail-Adresse muss genau übereinstimmen.",
  "contacts.searchButton": "Suchen",
  "contacts.reading": "Kontakte werden gelesen…",
  "contacts.truncated":
    "Nur die ersten {limit} werden angezeigt. Suchen Sie nach Name oder Adresse, um die Liste einzugrenzen.",
  "contacts.selectAll": "Alle {count} angezeigten auswählen",
  "contacts.found": "Gefundene Kontakte",
  "contacts.delete.one": "{count} Kontakt endgültig löschen…",
  "contacts.delete.other": "{count} Kontakte endgültig löschen…",
};
