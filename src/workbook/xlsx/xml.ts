import { SaxesParser } from "saxes";
import { WorkbookFileError } from "./errors";
import type { ZipParts } from "./zipParts";

/** The callbacks of a streamed XML part; element names come without their namespace prefix. */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text?(text: string): void;
  /** Where the parser is, for a message: "sheet “Sales”, after row 12". */
  where?(): string;
}

/** "x:row" → "row". Writers may put any prefix on SpreadsheetML elements (the Open XML SDK writes x:). */
const localName = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** The value of the attribute with local name `name`, whatever its prefix (`r:id`, `ns1:id`). */
export function prefixedAttribute(
  attributes: Readonly<Record<string, string>>,
  name: string,
): string | undefined {
  for (const key in attributes) {
    if (key.startsWith("xmlns")) continue;
    const colon = key.indexOf(":");
    if (colon >= 0 && key.slice(colon + 1) === name) return attributes[key];
  }
  return undefined;
}

/**
 * Parses `part` of the zip as it streams, with a strict XML parser (saxes):
 * false when there is no such part. Malformed XML — including a part cut
 * short — is a `fileMalformed` error naming the place (`handlers.where`).
 * Element names come without their prefix: the small parts are read by
 * element position (a `sheet` inside `sheets`), so any prefix a writer chose
 * reads the same. The sheets, where speed matters, use `readXmlTags` and
 * resolve SpreadsheetML's prefix once, at the root. saxes expands no external
 * entities and no entity declared in a DTD, so a file cannot make it fetch or
 * multiply text.
 */
export function readXmlPart(
  zip: ZipParts,
  part: string,
  limit: number,
  handlers: XmlHandlers,
): Promise<boolean> {
  const { open, close, text, where } = handlers;
  return readXmlTags(zip, part, limit, {
    open: (tag) => open(localName(tag.name), tag.attributes),
    close: (tag) => close(localName(tag.name)),
    text,
    where,
  });
}

/** A start or end tag as the parser reports it: the qualified name (`x:row`) and the attributes. */
export interface XmlTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Callbacks with the tags as parsed, prefixes and all: for the sheets' hot path, which resolves the prefix once. */
export interface XmlTagHandlers {
  open(tag: XmlTag): void;
  close(tag: XmlTag): void;
  text?(text: string): void;
  where?(): string;
}

/** SpreadsheetML's namespace, transitional and strict. */
const MAIN_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);

/**
 * The prefix ("" or "x:") a part's root element binds to SpreadsheetML's
 * namespace, from its `xmlns` attributes; failing that, the root's own prefix.
 */
export function mainPrefix(root: XmlTag): string {
  for (const key in root.attributes) {
    if (!MAIN_NAMESPACES.has(root.attributes[key])) continue;
    if (key === "xmlns") return "";
    if (key.startsWith("xmlns:")) return `${key.slice(6)}:`;
  }
  const colon = root.name.indexOf(":");
  return colon < 0 ? "" : root.name.slice(0, colon + 1);
}

/** `readXmlPart` with the tags as parsed (`XmlTagHandlers`). */
export async function readXmlTags(
  zip: ZipParts,
  part: string,
  limit: number,
  handlers: XmlTagHandlers,
): Promise<boolean> {
  // Tracking line and column would cost a sixth of the parse; `where` names the place instead.
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const malformed = (error: Error): WorkbookFileError =>
    new WorkbookFileError("fileMalformed", {
      file: zip.file,
      where: handlers.where?.() ?? part,
      detail: error.message,
    });
  // Thrown from inside write(): a handler's own error passes through unchanged.
  parser.on("error", (error) => {
    throw malformed(error);
  });
  parser.on("opentag", handlers.open);
  parser.on("closetag", handlers.close);
  const text = handlers.text;
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const found = await zip.stream(part, limit, (chunk) => parser.write(chunk));
  if (!found) return false;
  parser.close();
  return true;
}
