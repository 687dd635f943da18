import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useMemo } from "react";
import { Pane } from "./Pane";
import type { PaneDeps } from "./paneDeps";
import { usePurgePane } from "./usePurgePane";

export interface AppProps {
  /** Collaborators; created once by the entry (see realDeps.ts) or by a test. */
  deps: PaneDeps;
  locale?: string | undefined;
}

export function App({ deps, locale }: AppProps) {
  const stableDeps = useMemo(() => deps, [deps]);
  const model = usePurgePane(stableDeps);
  return (
    <FluentProvider theme={webLightTheme}>
      <Pane model={model} configProblem={deps.configProblem} locale={locale} />
    </FluentProvider>
  );
}
