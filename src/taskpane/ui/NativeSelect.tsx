/**
 * A native `<select>` with the look of Fluent's Select (outline, medium), for use inside Fluent's Field (which
 * gives it its id, label and descriptions). Fluent's own Select wraps the same element with a chevron icon and
 * would take the whole pane over its size budget (docs/performance.md#what-the-pane-builds-itself); the
 * browser's arrow follows the page's colour scheme (theme.ts) and forced colours by itself.
 */
import { makeStyles, shorthands, tokens, useFieldControlProps_unstable } from "@fluentui/react-components";
import type { SelectHTMLAttributes } from "react";

const useStyles = makeStyles({
  select: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "100%",
    height: "32px",
    paddingLeft: `calc(${tokens.spacingHorizontalMNudge} + ${tokens.spacingHorizontalXXS})`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke1),
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    ":hover": {
      ...shorthands.borderColor(tokens.colorNeutralStroke1Hover),
      borderBottomColor: tokens.colorNeutralStrokeAccessible,
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
    ":disabled": {
      cursor: "not-allowed",
      color: tokens.colorNeutralForegroundDisabled,
      backgroundColor: tokens.colorTransparentBackground,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
    },
  },
});

export function NativeSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  const styles = useStyles();
  const fieldProps = useFieldControlProps_unstable(props, { supportsLabelFor: true, supportsRequired: true });
  return <select {...fieldProps} className={styles.select} />;
}
