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
  const { deps, bulk } = createRealDeps();
  createRoot(container).render(<App deps={deps} bulk={bulk} locale={Office.context.displayLanguage} />);
});
