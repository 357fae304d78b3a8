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
export const localName = (name: string): string => {
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
 * short — is a `fileMalformed` error with the line and column. Namespace
 * prefixes are dropped rather than resolved: each part is read by element
 * position (a `c` inside a `row` inside `sheetData`), which is what identifies
 * SpreadsheetML, and resolving every name would cost a third of the reading
 * time. saxes expands no external entities and no entity declared in a DTD,
 * so a file cannot make it fetch or multiply text.
 */
export async function readXmlPart(
  zip: ZipParts,
  part: string,
  limit: number,
  handlers: XmlHandlers,
): Promise<boolean> {
  // Tracking line and column would cost a sixth of the parse; handlers name the place instead.
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
  const { open, close } = handlers;
  parser.on("opentag", (tag) =>
    open(tag.name.indexOf(":") < 0 ? tag.name : localName(tag.name), tag.attributes),
  );
  parser.on("closetag", (tag) => close(tag.name.indexOf(":") < 0 ? tag.name : localName(tag.name)));
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
