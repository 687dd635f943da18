import { useEffect, useMemo, useState } from "react";
import { settledIds } from "../paneResult";
import type { BulkPhase } from "./useBulkPurge";

/**
 * Messages purged or found gone: Outlook may keep listing them for a moment; nothing more is offered for them.
 * A finished run's items count at once (in the render that shows the report, so the list drops them in the same
 * pass) and are kept once the run is dismissed.
 */
export function useSettled(phase: BulkPhase): ReadonlySet<string> {
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set());
  const justDone = useMemo(() => (phase.kind === "finished" ? settledIds(phase.results) : []), [phase]);
  const settled = useMemo<ReadonlySet<string>>(
    () => (justDone.length === 0 ? kept : new Set([...kept, ...justDone])),
    [kept, justDone],
  );
  useEffect(() => {
    if (justDone.length > 0) setKept((previous) => new Set([...previous, ...justDone]));
  }, [justDone]);
  return settled;
}
