/**
 * What every confirmation in the pane shares: the red "Delete permanently" button, the typed-count field for 10
 * items and more, and the initial focus (Cancel, or the field), so Enter alone never deletes.
 */
import { Field, Input, makeStyles, tokens, useFluent } from "@fluentui/react-components";
import { useEffect } from "react";
import { t } from "../../core/i18n";

export const useDangerButtonStyles = makeStyles({
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": {
      backgroundColor: tokens.colorStatusDangerBackground3Hover,
      color: tokens.colorNeutralForegroundOnBrand,
    },
    ":hover:active": {
      backgroundColor: tokens.colorStatusDangerBackground3Pressed,
      color: tokens.colorNeutralForegroundOnBrand,
    },
    "@media (forced-colors: active)": {
      backgroundColor: "ButtonFace",
      color: "ButtonText",
      border: "1px solid ButtonText",
    },
  },
});

/**
 * Fluent's Dialog focuses its first focusable element and ignores autoFocus (microsoft/fluentui#35749). This
 * effect runs in the dialog's parent, after the Dialog's own, and moves focus where it belongs.
 */
export function useInitialFocus(open: boolean, elementId: string): void {
  const { targetDocument } = useFluent();
  useEffect(() => {
    if (open) targetDocument?.getElementById(elementId)?.focus();
  }, [open, elementId, targetDocument]);
}

export interface TypedCountProps {
  count: number;
  id: string;
  value: string;
  onChange(value: string): void;
}

/** "Type 42 to confirm": the deliberate second step for 10 items and more. */
export function TypedCount({ count, id, value, onChange }: TypedCountProps) {
  return (
    // The number to type is shown without grouping (1000, not 1.000): it is typed exactly as shown.
    <Field label={t("bulk.typeToConfirm", { count: String(count) })} required>
      <Input id={id} value={value} onChange={(_e, data) => onChange(data.value)} inputMode="numeric" />
    </Field>
  );
}

export function typedCountMatches(count: number, value: string): boolean {
  return value.trim() === String(count);
}
