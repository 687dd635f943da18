/**
 * Task pane entry (ShowTaskpane, pinnable). Renders only after Office is ready: the pane has nothing to show
 * before Office.context.mailbox exists.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createRealDeps } from "./realDeps";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<App deps={createRealDeps()} locale={Office.context.displayLanguage} />);
});
