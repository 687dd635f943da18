import { describe, expect, it } from "vitest";
import { attr, childrenNamed, parseXml, XmlSyntaxError } from "../../tools/manifest/xml-tree";

describe("parseXml", () => {
  it("resolves namespaces, decodes entities and CDATA, keeps lines", () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<a xmlns="urn:a" xmlns:b="urn:b" b:x="1 &amp; 2">\n' +
        '  <b:c y="&lt;&#65;&#x42;&gt;">t&quot;<![CDATA[<raw>]]></b:c>\n  <d/>\n</a>',
    );
    expect(root).toMatchObject({ localName: "a", namespaceUri: "urn:a", line: 3 });
    expect(attr(root, "x", "urn:b")).toBe("1 & 2");
    const [c, d] = root.children;
    expect(c).toMatchObject({ name: "b:c", localName: "c", namespaceUri: "urn:b", text: 't"<raw>', line: 4 });
    expect(c && attr(c, "y")).toBe("<AB>");
    expect(d).toMatchObject({ localName: "d", namespaceUri: "urn:a", line: 5 });
    expect(childrenNamed(root, "c", "urn:b")).toHaveLength(1);
    expect(childrenNamed(root, "c", "urn:a")).toHaveLength(0);
  });

  it.each([
    ["<a><b></a>", /expected <\/b>/],
    ["<a>", /never closed/],
    ["<a x=1/>", /must be quoted/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ["<p:a/>", /undeclared namespace prefix "p"/],
    ["<a>&nbsp;</a>", /unknown entity/],
    ["<a/><b/>", /content after the root/],
    ["<!DOCTYPE a><a/>", /DTDs are not accepted/],
    ["<!-- a -- b --><a/>", /"--" inside a comment/],
    ["<a>\n\n<b x='<'/></a>", /line 3/],
  ])("refuses %j", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(xml)).toThrow(message);
  });
});
