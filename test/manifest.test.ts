import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../scripts/manifestCheck.js") as {
  checkManifest(file: string, options?: { assetsDir?: string }): Promise<{ problems: string[] }>;
};

const ROOT = path.resolve(__dirname, "..");
const original = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

async function problemsOf(xml: string): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, xml);
  return (await checkManifest(file, { assetsDir: path.join(ROOT, "assets") })).problems;
}

describe("manifest.xml", () => {
  test("passes the offline check", async () => {
    expect(await problemsOf(original)).toEqual([]);
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
      ['<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>', ""],
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
  ])("fails with %s", async (_name, [from, to], expected) => {
    expect(original).toContain(from);
    const problems = await problemsOf(original.replace(from, to));
    expect(problems.join("\n")).toMatch(expected);
  });
});
