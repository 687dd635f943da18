/**
 * A translated sentence with React parts in it: "From {sender}" with the sender inside <bdi>, so a name in another
 * script can't reorder the words around it. The words and their order come from the catalogue.
 */
import { Fragment, type ReactNode } from "react";
import { type MessageKey, template } from "../../core/i18n";

export function fill(key: MessageKey, parts: Readonly<Record<string, ReactNode>>): ReactNode {
  return template(key)
    .split(/(\{[A-Za-z0-9_]+\})/)
    .map((piece, index) => {
      const name = /^\{([A-Za-z0-9_]+)\}$/.exec(piece)?.[1];
      const part = name === undefined ? piece : (parts[name] ?? piece);
      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed sentence never reorder
      return <Fragment key={index}>{part}</Fragment>;
    });
}
