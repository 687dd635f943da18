import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Summary } from "../core/purge/report";

const INTENT = { success: "success", info: "info", warning: "warning", error: "error" } as const;

/** A result or problem as a Fluent message bar; `data-intent` carries the tone for tests and styling. */
export function SummaryBar({ summary, action }: { summary: Summary; action?: ReactNode }) {
  return (
    // data-intent: the tone is otherwise only a colour and an icon; tests and end-to-end checks read it here.
    <MessageBar intent={INTENT[summary.tone]} data-intent={INTENT[summary.tone]} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{summary.title}</MessageBarTitle>
        {summary.message}
      </MessageBarBody>
      {action && <MessageBarActions>{action}</MessageBarActions>}
    </MessageBar>
  );
}
