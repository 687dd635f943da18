import { FluentProvider, type Theme } from "@fluentui/react-components";
import type { BulkDeps } from "./bulk/bulkDeps";
import { lightTheme } from "./lightTheme";
import { Pane } from "./Pane";
import type { PaneDeps } from "./paneDeps";
import { usePurgePane } from "./usePurgePane";

export interface AppProps {
  /** Collaborators; created once by the entry (see realDeps.ts) or by a test. */
  deps: PaneDeps;
  /** Bulk deletion (multi-select, folders); left out where it isn't available. */
  bulk?: BulkDeps | undefined;
  locale?: string | undefined;
  /** Fluent's light or dark theme, as Outlook shows (theme.ts). @default lightTheme (Fluent's webLightTheme) */
  theme?: Theme | undefined;
}

export function App({ deps, locale, bulk, theme = lightTheme }: AppProps) {
  const model = usePurgePane(deps);
  return (
    <FluentProvider theme={theme}>
      <Pane
        model={model}
        configProblem={deps.configProblem}
        unavailable={deps.unavailable}
        unavailableFor={deps.unavailableFor}
        locale={locale}
        bulk={bulk}
      />
    </FluentProvider>
  );
}
