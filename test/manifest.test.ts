import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ts from "typescript";

/* eslint-disable @typescript-eslint/no-require-imports */
const { checkManifest } = require("../scripts/manifestCheck.js") as {
  checkManifest(
    file: string,
    options?: { assetsDir?: string; distDir?: string },
  ): Promise<{ problems: string[]; compared: boolean }>;
};
const { API_SETS } = require("../scripts/apiSets.js") as {
  API_SETS: { api: string; set: string; version: string; bundle: string; pattern: RegExp; docs?: string }[];
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "..");
const original = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const DIST = path.join(ROOT, "dist");

async function checked(xml: string): Promise<{ problems: string[]; compared: boolean }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, xml);
  return checkManifest(file, { assetsDir: path.join(ROOT, "assets"), distDir: DIST });
}
const problemsOf = async (xml: string): Promise<string[]> => (await checked(xml)).problems;

const TYPINGS = {
  Excel: "@types/office-js/index.d.ts",
  Office: "@types/office-js/index.d.ts",
  CustomFunctions: "@types/custom-functions-runtime/index.d.ts",
} as const;
/** Members reached through a variable: `Office.addin` is an `Office.Addin`. */
const ALIAS: Readonly<Record<string, string>> = { "Office.addin": "Office.Addin" };
const TAG = /\[Api set: (\w+) ([\d.]+)|Requirement set\*\*: \{@link [^|]+\| (\w+) ([\d.]+)\}/;

/** The `[Api set: …]` tag of a declaration in the typings, e.g. "ExcelApi 1.12"; null when it has none. */
function typingsApiSet(api: string): string | null {
  const alias = Object.keys(ALIAS).find((a) => api.startsWith(`${a}.`));
  const parts = (alias ? api.replace(alias, ALIAS[alias]) : api).split(".");
  const file = require.resolve(TYPINGS[parts[0] as keyof typeof TYPINGS]);
  const source = (sources[file] ??= ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
  ));
  const nameOf = (node: ts.Node): string | undefined => {
    const name = (node as { name?: ts.Node }).name;
    return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
  };
  const childrenOf = (node: ts.Node): readonly ts.Node[] =>
    ts.isSourceFile(node) || ts.isModuleBlock(node)
      ? node.statements
      : ts.isModuleDeclaration(node)
        ? node.body
          ? [...childrenOf(node.body)]
          : []
        : ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)
          ? node.members
          : ts.isEnumDeclaration(node)
            ? node.members
            : ts.isFunctionDeclaration(node)
              ? []
              : [];
  let found: ts.Node[] = [source];
  for (const part of parts) {
    found = found.flatMap((n) => childrenOf(n).filter((c) => nameOf(c) === part));
    if (found.length === 0) throw new Error(`${api}: no ${part} in ${file}`);
  }
  const comment = source.text.slice(found[0].getFullStart(), found[0].getStart(source));
  const m = TAG.exec(comment);
  return m ? `${m[1] ?? m[3]} ${m[2] ?? m[4]}` : null;
}
const sources: Record<string, ts.SourceFile> = {};

describe("manifest.xml", () => {
  test("passes the offline check, requirement sets compared with the built bundles", async () => {
    // `npm test` builds before jest, so dist/ is there to compare with.
    expect(await checked(original)).toEqual({ problems: [], compared: true });
  });

  test.each([
    [
      "a permission outside the task-pane set",
      ["ReadWriteDocument</Permissions>", "ReadWriteMailbox</Permissions>"],
      /Permissions/,
    ],
    ["no SharedRuntime requirement", ['<Set Name="SharedRuntime" MinVersion="1.1"/>', ""], /SharedRuntime/],
    [
      "no CustomFunctionsRuntime requirement",
      ['<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>', ""],
      /CustomFunctionsRuntime/,
    ],
    ["a short-lived runtime", ['lifetime="long"', 'lifetime="short"'], /lifetime/],
    ["another namespace", ['DefaultValue="LIVESTOCK"', 'DefaultValue="CONTOSO"'], /LIVESTOCK/],
    ["a dangling resid", ['<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Nope"/>'], /"Nope"/],
    ["plain http", ['<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'], /https/],
    [
      "elements out of order",
      [
        "<Version>0.1.0.0</Version>\n  <ProviderName>LiveStock Planner</ProviderName>",
        "<ProviderName>LiveStock Planner</ProviderName>\n  <Version>0.1.0.0</Version>",
      ],
      /order/,
    ],
    [
      "a name without Chinese",
      ['<Override Locale="zh-CN" Value="直播海外仓补货规划"/>', ""],
      /DisplayName.*zh-CN/,
    ],
    [
      "functions metadata without its zh-CN file",
      ['<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions-zh-cn.json"/>', ""],
      /metadata URL needs a zh-CN/,
    ],
    ["a missing icon", ["assets/icon-80.png", "assets/icon-81.png"], /icon-81.png does not exist/],
    [
      "an icon of the wrong size",
      [
        '"Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
        '"Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"',
      ],
      /64×64, not 80×80/,
    ],
    ["a bad GUID", ["<Id>851205fa", "<Id>xyz"], /GUID/],
    ["broken XML", ["</OfficeApp>", ""], /well-formed/],
    ["an empty AppDomains", ["  <Hosts>\n    <Host", "  <AppDomains/>\n  <Hosts>\n    <Host"], /AppDomains/],
    [
      "an AppDomain that is not an origin",
      [
        "  <Hosts>\n    <Host",
        "  <AppDomains><AppDomain>contoso</AppDomain></AppDomains>\n  <Hosts>\n    <Host",
      ],
      /AppDomain.*https origin/,
    ],
    [
      "a TaskpaneId on the shared runtime's button",
      ['<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane"><TaskpaneId>Pane</TaskpaneId>'],
      /TaskpaneId/,
    ],
    [
      "CustomFunctionsRuntime 1.2 while the functions use ErrorCode.invalidNumber (1.3)",
      ['"CustomFunctionsRuntime" MinVersion="1.3"', '"CustomFunctionsRuntime" MinVersion="1.2"'],
      /CustomFunctionsRuntime MinVersion is 1\.2, but the built add-in uses .*ErrorCode\.invalidNumber/,
    ],
    [
      "ExcelApi 1.11 while the pane uses worksheet custom properties (1.12)",
      ['"ExcelApi" MinVersion="1.12"', '"ExcelApi" MinVersion="1.11"'],
      /ExcelApi MinVersion is 1\.11, but the built add-in uses Excel\.Worksheet\.customProperties/,
    ],
    ["no ExcelApi requirement", ['<Set Name="ExcelApi" MinVersion="1.12"/>', ""], /ExcelApi set/],
  ])("fails with %s", async (_name, [from, to], expected) => {
    expect(original).toContain(from);
    const problems = await problemsOf(original.replace(from, to));
    expect(problems.join("\n")).toMatch(expected);
  });
});

describe("the requirement sets of the APIs the add-in uses (scripts/apiSets.js)", () => {
  test.each(API_SETS.map((e) => [e.api, e] as const))(
    "%s: the typings' [Api set] tag agrees, and the built bundle calls it",
    (_api, entry) => {
      const tag = typingsApiSet(entry.api);
      // An entry from the docs is one the typings carry no tag for; if they gain one, it must agree.
      if (entry.docs === undefined || tag !== null) expect(tag).toBe(`${entry.set} ${entry.version}`);
      const bundle = fs.readFileSync(path.join(DIST, entry.bundle), "utf8");
      expect({ api: entry.api, inBundle: entry.pattern.test(bundle) }).toEqual({
        api: entry.api,
        inBundle: true,
      });
    },
  );

  test("the lookup reads tags of classes, members, enum members and the shared runtime's interface", () => {
    expect(typingsApiSet("Excel.Worksheet.customProperties")).toBe("ExcelApi 1.12");
    expect(typingsApiSet("CustomFunctions.Error")).toBe("CustomFunctionsRuntime 1.2");
    expect(typingsApiSet("Office.addin.showAsTaskpane")).toBe("SharedRuntime 1.1");
    expect(typingsApiSet("Excel.RunOptions.delayForCellEdit")).toBeNull();
  });
});

describe("where the built pages load office.js from", () => {
  type Config = {
    plugins: {
      constructor: { name: string };
      userOptions?: { templateParameters?: unknown };
      patterns?: { to?: string }[];
    }[];
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFor = require("../webpack.config.js") as (
    env: unknown,
    argv: { mode: string },
  ) => Promise<Config>;
  const officeJs = async (mode: string) => {
    const config = await configFor({}, { mode });
    const html = config.plugins.find((p) => p.constructor.name === "HtmlWebpackPlugin");
    const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin");
    return {
      src: (html?.userOptions?.templateParameters as { officeJs: string }).officeJs,
      copied: (copy?.patterns ?? []).some((p) => p.to === "office-js/"),
    };
  };

  test("a production build: Microsoft's CDN, no local copy", async () => {
    expect(await officeJs("production")).toEqual({
      src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      copied: false,
    });
  });

  test("a development build (npm start, the browser preview): the local copy", async () => {
    expect(await officeJs("development")).toEqual({ src: "office-js/office.js", copied: true });
  });
});
