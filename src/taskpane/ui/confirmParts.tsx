/**
 * What every confirmation in the pane shares: the alert dialog itself (title, what will go, the warning, the red
 * "Delete permanently" button and Cancel), the typed-count field for 10 items and more, and the initial focus
 * (Cancel, or the field), so Enter alone never deletes.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
  useFluent,
} from "@fluentui/react-components";
import { type ReactNode, useEffect, useId } from "react";
import { t } from "../../core/i18n";

/** From this many items up, the person types the number to confirm. */
export const TYPED_CONFIRMATION_FROM = 10;

const useDangerButtonStyles = makeStyles({
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

const useShellStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * Fluent's Dialog focuses its first focusable element and ignores autoFocus (microsoft/fluentui#35749). This
 * effect runs in the dialog's parent, after the Dialog's own, and moves focus where it belongs.
 */
function useInitialFocus(open: boolean, elementId: string): void {
  const { targetDocument } = useFluent();
  useEffect(() => {
    if (open) targetDocument?.getElementById(elementId)?.focus();
  }, [open, elementId, targetDocument]);
}

interface TypedCountProps {
  count: number;
  id: string;
  value: string;
  onChange(value: string): void;
}

/** "Type 42 to confirm": the deliberate second step for 10 items and more. */
function TypedCount({ count, id, value, onChange }: TypedCountProps) {
  return (
    // The number to type is shown without grouping (1000, not 1.000): it is typed exactly as shown.
    <Field label={t("bulk.typeToConfirm", { count: String(count) })} required>
      <Input id={id} value={value} onChange={(_e, data) => onChange(data.value)} inputMode="numeric" />
    </Field>
  );
}

function typedCountMatches(count: number, value: string): boolean {
  return value.trim() === String(count);
}

/** The typed-count step: `count` items go; from TYPED_CONFIRMATION_FROM up, `value` must be that number. */
export interface TypedConfirmation {
  count: number;
  value: string;
  onChange(value: string): void;
}

export interface ConfirmShellProps {
  open: boolean;
  title: ReactNode;
  /** What will go, above the warning. */
  children: ReactNode;
  /** The id of the warning paragraph; the dialog is described by it. */
  warningId: string;
  warning: string;
  /** The red button's label ("Delete permanently", "Delete folder"). */
  confirmLabel: string;
  /** Without it, no count is typed. */
  typed?: TypedConfirmation | undefined;
  onAnswer(confirmed: boolean): void;
}

/**
 * An alert dialog that asks before an irreversible delete: closing it any way but the red button answers no, the
 * red button stays disabled until a required count is typed, and focus starts on the field or on Cancel.
 */
export function ConfirmShell(props: ConfirmShellProps) {
  const { open, title, children, warningId, warning, confirmLabel, typed, onAnswer } = props;
  const styles = useShellStyles();
  const danger = useDangerButtonStyles();
  const cancelId = useId();
  const inputId = useId();
  const needsTyping = typed !== undefined && typed.count >= TYPED_CONFIRMATION_FROM;
  const confirmed = !needsTyping || typedCountMatches(typed.count, typed.value);
  // This component is the Dialog's parent: its effect runs after the Dialog's own focus and moves focus on.
  useInitialFocus(open, needsTyping ? inputId : cancelId);
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface aria-describedby={warningId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {children}
            <p id={warningId}>{warning}</p>
            {needsTyping && (
              <TypedCount count={typed.count} id={inputId} value={typed.value} onChange={typed.onChange} />
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              className={danger.danger}
              disabled={!confirmed}
              onClick={() => onAnswer(true)}
            >
              {confirmLabel}
            </Button>
            <Button appearance="secondary" id={cancelId} onClick={() => onAnswer(false)}>
              {t("common.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
