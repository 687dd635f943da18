import { Button } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";

interface DeleteTickedButtonProps {
  /** How many listed items are ticked; none: the button is off. */
  ticked: number;
  /** A run is on: the button is off. */
  busy: boolean;
  onClick(): void;
  /** The label, naming how many go ("Delete 3 messages"). */
  children: ReactNode;
}

/** A list's primary action: asks to delete the ticked items. Off while a run is on or nothing is ticked. */
export function DeleteTickedButton({ ticked, busy, onClick, children }: DeleteTickedButtonProps) {
  return (
    <div>
      <Button appearance="primary" icon={<DeleteRegular />} disabled={busy || ticked === 0} onClick={onClick}>
        {children}
      </Button>
    </div>
  );
}
