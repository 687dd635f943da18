import { describe, expect, it } from "vitest";
import { functionLengths } from "../../tools/maintainability/function-lengths.ts";

describe("functionLengths", () => {
  it("counts each function's lines from its first to its last, nested ones on their own", () => {
    const source = [
      "export function outer() {",
      "  const inner = () => {",
      "    return 1;",
      "  };",
      "  return inner();",
      "}",
      "",
    ].join("\n");
    const found = functionLengths("a.ts", source);
    expect(found.map(({ name, line, lines, component }) => ({ name, line, lines, component }))).toEqual([
      { name: "outer", line: 1, lines: 6, component: false },
      { name: "inner", line: 2, lines: 3, component: false },
    ]);
  });

  it("sets a component's markup aside: logic lines are those outside its outermost JSX", () => {
    const source = [
      "export function Card({ title }: { title: string }) {",
      "  const upper = title.toUpperCase();",
      "  return (",
      "    <div>",
      "      <h2>{upper}</h2>",
      "    </div>",
      "  );",
      "}",
    ].join("\n");
    const [card] = functionLengths("Card.tsx", source);
    expect(card).toMatchObject({ name: "Card", lines: 8, logicLines: 5, component: true });
  });

  it("names methods and object properties, and does not call a lower-case .tsx function a component", () => {
    const source = [
      "const api = {",
      "  go() {",
      "    return 1;",
      "  },",
      "};",
      "function helper() { return <b />; }",
    ].join("\n");
    const found = functionLengths("x.tsx", source);
    expect(found.map((f) => [f.name, f.component])).toEqual([
      ["go", false],
      ["helper", false],
    ]);
  });
});
