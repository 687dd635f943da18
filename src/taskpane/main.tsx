/**
 * Task pane entry (ShowTaskpane, pinnable). Renders only after Office is ready: the pane has nothing to show
 * before Office.context.mailbox exists. The person's language is loaded before the first render, so a German
 * pane never flashes English (each language is a small chunk fetched here), and so is Outlook's theme (theme.ts).
 */
import { createRoot } from "react-dom/client";
import { currentLanguage, loadLanguage, NO_CATALOGUE, t } from "../core/i18n";
import { App } from "./App";
import { createRealDeps } from "./realDeps";
import { currentScheme, paintPage, themeFor } from "./theme";

Office.onReady(async () => {
  const container = document.getElementById("root");
  if (!container) return;
  // Outlook's theme is known before the first render too: a dark Outlook never flashes a light pane.
  const scheme = currentScheme();
  const theme = themeFor(scheme);
  try {
    await loadLanguage(Office.context.displayLanguage);
  } catch {
    container.textContent = NO_CATALOGUE;
    return;
  }
  document.documentElement.lang = currentLanguage();
  document.title = t("pane.title");
  const { deps, bulk } = createRealDeps();
  const root = createRoot(container);
  const render = (current: Awaited<typeof theme>, now: typeof scheme) => {
    paintPage(current, now);
    root.render(<App deps={deps} bulk={bulk} locale={Office.context.displayLanguage} theme={current} />);
  };
  render(await theme, scheme);
  void import("./themeWatch").then((m) => m.watchTheme(render));
});
