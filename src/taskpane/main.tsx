/**
 * Task pane entry (ShowTaskpane, pinnable). Renders only after Office is ready: the pane has nothing to show
 * before Office.context.mailbox exists. The person's language is loaded before the first render, so a German
 * pane never flashes English (each language is a small chunk fetched here).
 */
import { createRoot } from "react-dom/client";
import { currentLanguage, loadLanguage, NO_CATALOGUE, t } from "../core/i18n";
import { App } from "./App";
import { createRealDeps } from "./realDeps";

Office.onReady(async () => {
  const container = document.getElementById("root");
  if (!container) return;
  try {
    await loadLanguage(Office.context.displayLanguage);
  } catch {
    container.textContent = NO_CATALOGUE;
    return;
  }
  document.documentElement.lang = currentLanguage();
  document.title = t("pane.title");
  const { deps, bulk } = createRealDeps();
  createRoot(container).render(<App deps={deps} bulk={bulk} locale={Office.context.displayLanguage} />);
});
