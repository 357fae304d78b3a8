// Offline check of manifest.xml. Microsoft's validator (office-addin-manifest validate) calls an
// online service this machine cannot reach, and no npm package ships the manifest XSDs, so this
// checks the rules of the XSD (MailAppVersionOverrides/TaskPaneAppVersionOverrides 1.0, OfficeApp
// 1.1) that an Excel task-pane + custom-functions add-in can break, plus ours.
const fs = require("fs");
const path = require("path");
const xml2js = require("xml2js");
const { compareVersions, setsUsedBy } = require("./apiSets");

// The base manifest's sequence in the OfficeApp 1.1 schema (TaskPaneApp), in order.
const BASE_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "DefaultSettings",
  "Permissions",
];
// Narrowest first; the add-in needs ReadWriteDocument and no more (issue 2).
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
// The least each set may declare whatever the bundles use: the shared runtime is the add-in's design.
const REQUIRED_SETS = { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1", ExcelApi: "1.1" };

const attr = (node, name) => node && node.$ && node.$[name];
const kids = (node, name) => (node && node[name]) || [];
const one = (node, name) => kids(node, name)[0];
const text = (node) => (typeof node === "string" ? node : node && node._) || "";

function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.readUInt32BE(0) !== 0x89504e47) return undefined;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/**
 * Problems of the manifest at `file` (empty when it passes). With the built bundles in `distDir`,
 * `<Requirements>` must declare at least the sets they use (scripts/apiSets.js); `compared` says
 * whether they were there to compare.
 */
async function checkManifest(
  file,
  {
    assetsDir = path.join(path.dirname(file), "assets"),
    distDir = path.join(path.dirname(file), "dist"),
  } = {},
) {
  const problems = [];
  const fail = (msg) => problems.push(msg);
  const xml = fs.readFileSync(file, "utf8");
  let doc;
  try {
    doc = await xml2js.parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true });
  } catch (e) {
    return { problems: [`not well-formed XML: ${e.message}`] };
  }
  const app = doc.OfficeApp;
  if (!app) return { problems: ["the root element must be OfficeApp"] };
  if (attr(app, "xmlns") !== "http://schemas.microsoft.com/office/appforoffice/1.1")
    fail("OfficeApp must use the namespace http://schemas.microsoft.com/office/appforoffice/1.1");
  if (attr(app, "xsi:type") !== "TaskPaneApp") fail('OfficeApp xsi:type must be "TaskPaneApp"');

  const order = (app.$$ || []).map((n) => n["#name"]);
  let last = -1;
  for (const name of order) {
    const i = BASE_ORDER.indexOf(name);
    if (i < 0) fail(`unexpected element <${name}> in OfficeApp`);
    else if (i <= last) fail(`<${name}> is out of the schema's order (expected ${BASE_ORDER.join(", ")})`);
    else last = i;
  }
  for (const name of REQUIRED) if (!order.includes(name)) fail(`<${name}> is required`);

  const id = text(one(app, "Id"));
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    fail(`<Id> must be a GUID, not "${id}"`);
  const version = text(one(app, "Version"));
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) fail(`<Version> must be n[.n[.n[.n]]], not "${version}"`);
  if (!/^[a-z]{2}-[A-Z]{2}$/.test(text(one(app, "DefaultLocale"))))
    fail("<DefaultLocale> must be a culture name like en-US");

  for (const [name, max] of [
    ["DisplayName", 125],
    ["Description", 250],
  ]) {
    const node = one(app, name);
    const value = attr(node, "DefaultValue") || "";
    if (!value) fail(`<${name}> needs a DefaultValue`);
    if (value.length > max) fail(`<${name}> DefaultValue is longer than ${max} characters`);
    const zh = kids(node, "Override").find((o) => attr(o, "Locale") === "zh-CN");
    if (!zh) fail(`<${name}> needs a zh-CN Override`);
    else if (attr(zh, "Value").length > max)
      fail(`<${name}> zh-CN Override is longer than ${max} characters`);
  }

  const permission = text(one(app, "Permissions"));
  if (!PERMISSIONS.includes(permission))
    fail(
      `<Permissions> must be one of ${PERMISSIONS.join(", ")} (no wider than ReadWriteDocument), not "${permission}"`,
    );

  // The schema's AppDomains holds one or more AppDomain; an empty element fails sideloading.
  for (const domains of kids(app, "AppDomains")) {
    const listed = kids(domains, "AppDomain").map(text);
    if (listed.length === 0) fail("<AppDomains> must list at least one <AppDomain> (or be left out)");
    for (const domain of listed)
      if (!/^https:\/\/[^/\s]+$/.test(domain.trim()))
        fail(`<AppDomain> "${domain}" must be an https origin such as https://example.com`);
  }

  const hosts = kids(one(app, "Hosts"), "Host").map((h) => attr(h, "Name"));
  if (hosts.join() !== "Workbook") fail("<Hosts> must list Workbook (Excel) only");

  const sets = kids(one(one(app, "Requirements"), "Sets"), "Set");
  const declared = new Map(sets.map((s) => [attr(s, "Name"), attr(s, "MinVersion") || ""]));
  for (const [name, min] of Object.entries(REQUIRED_SETS)) {
    const version = declared.get(name);
    if (version === undefined) fail(`<Requirements> must require the ${name} set`);
    else if (!/^\d+\.\d+$/.test(version))
      fail(`${name} MinVersion must be a version like 1.3, not "${version}"`);
    else if (compareVersions(version, min) < 0) fail(`${name} MinVersion must be at least ${min}`);
  }
  const used = setsUsedBy(distDir);
  for (const [name, { version, apis }] of used || []) {
    const have = declared.get(name);
    if (have !== undefined && /^\d+\.\d+$/.test(have) && compareVersions(have, version) < 0)
      fail(
        `${name} MinVersion is ${have}, but the built add-in uses ${apis.join(", ")} (${name} ${version})`,
      );
  }

  const urls = [];
  const collectUrl = (where, value) => value && urls.push([where, value]);
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"])
    collectUrl(name, attr(one(app, name), "DefaultValue"));
  collectUrl(
    "DefaultSettings/SourceLocation",
    attr(one(one(app, "DefaultSettings"), "SourceLocation"), "DefaultValue"),
  );

  const vo = one(app, "VersionOverrides");
  if (!vo) fail("<VersionOverrides> is required for custom functions");
  else {
    if (attr(vo, "xmlns") !== "http://schemas.microsoft.com/office/taskpaneappversionoverrides")
      fail("VersionOverrides must use the taskpaneappversionoverrides namespace");
    const resources = one(vo, "Resources");
    const table = (group, item) => new Map(kids(one(resources, group), item).map((n) => [attr(n, "id"), n]));
    const res = {
      image: table("bt:Images", "bt:Image"),
      url: table("bt:Urls", "bt:Url"),
      short: table("bt:ShortStrings", "bt:String"),
      long: table("bt:LongStrings", "bt:String"),
    };
    for (const [kind, map] of Object.entries(res))
      for (const [rid, node] of map) {
        const value = attr(node, "DefaultValue") || "";
        if (rid.length > 32) fail(`resource id "${rid}" is longer than 32 characters`);
        if (kind === "short" && value.length > 125) fail(`short string ${rid} is longer than 125 characters`);
        if (kind === "long" && value.length > 250) fail(`long string ${rid} is longer than 250 characters`);
        if (kind === "image" || kind === "url") collectUrl(`resource ${rid}`, value);
        for (const o of kids(node, "bt:Override"))
          if (kind === "image" || kind === "url")
            collectUrl(`resource ${rid} (${attr(o, "Locale")})`, attr(o, "Value"));
        if (
          (kind === "short" || kind === "long") &&
          rid !== "Functions.Namespace" &&
          !kids(node, "bt:Override").some((o) => attr(o, "Locale") === "zh-CN")
        )
          fail(`string ${rid} needs a zh-CN Override`);
      }
    const need = (rid, kind, where) => {
      if (!rid) fail(`${where} needs a resid`);
      else if (!res[kind].has(rid))
        fail(`${where} refers to resid "${rid}", which is not a ${kind} resource`);
    };
    const host = kids(one(vo, "Hosts"), "Host").find((h) => attr(h, "xsi:type") === "Workbook");
    if (!host) fail("VersionOverrides must have a Workbook host");
    else {
      const runtime = one(one(host, "Runtimes"), "Runtime");
      if (!runtime) fail('a shared runtime needs <Runtimes><Runtime lifetime="long">');
      else {
        if (attr(runtime, "lifetime") !== "long") fail('the shared Runtime must have lifetime="long"');
        need(attr(runtime, "resid"), "url", "Runtime");
      }
      // Docs, "Configure your add-in to use a shared runtime": its ShowTaskpane actions carry no TaskpaneId.
      const taskpaneIds = [];
      const findTaskpaneIds = (node) => {
        for (const child of node.$$ || []) {
          if (child["#name"] === "TaskpaneId") taskpaneIds.push(text(child));
          findTaskpaneIds(child);
        }
      };
      findTaskpaneIds(host);
      if (runtime && taskpaneIds.length > 0)
        fail(`a shared runtime's actions must not have a <TaskpaneId> (found ${taskpaneIds.join(", ")})`);
      const cf = kids(one(host, "AllFormFactors"), "ExtensionPoint").find(
        (e) => attr(e, "xsi:type") === "CustomFunctions",
      );
      if (!cf) fail("AllFormFactors needs an ExtensionPoint of type CustomFunctions");
      else {
        need(attr(one(one(cf, "Script"), "SourceLocation"), "resid"), "url", "CustomFunctions Script");
        const page = attr(one(one(cf, "Page"), "SourceLocation"), "resid");
        need(page, "url", "CustomFunctions Page");
        if (runtime && page !== attr(runtime, "resid"))
          fail("the custom functions' Page must be the shared Runtime's page");
        const meta = attr(one(one(cf, "Metadata"), "SourceLocation"), "resid");
        need(meta, "url", "CustomFunctions Metadata");
        if (
          meta &&
          res.url.has(meta) &&
          !kids(res.url.get(meta), "bt:Override").some((o) => attr(o, "Locale") === "zh-CN")
        )
          fail("the functions' metadata URL needs a zh-CN Override (functions-zh-cn.json)");
        const ns = attr(one(cf, "Namespace"), "resid");
        need(ns, "short", "CustomFunctions Namespace");
        if (ns && res.short.has(ns) && attr(res.short.get(ns), "DefaultValue") !== "LIVESTOCK")
          fail("the functions' namespace must be LIVESTOCK");
      }
      const desktop = one(host, "DesktopFormFactor");
      const walk = (node, where) => {
        for (const child of node.$$ || []) {
          const name = child["#name"];
          const rid = attr(child, "resid");
          if (rid) {
            const kind =
              name === "bt:Image"
                ? "image"
                : /Url|SourceLocation|FunctionFile/.test(name)
                  ? "url"
                  : name === "Description"
                    ? "long"
                    : "short";
            need(rid, kind, `${where}/${name}`);
          }
          walk(child, `${where}/${name}`);
        }
      };
      if (desktop) walk(desktop, "DesktopFormFactor");
    }
    for (const [rid, node] of res.image) {
      const url = attr(node, "DefaultValue") || "";
      const file = path.join(assetsDir, path.basename(url));
      const expected = Number((/(\d+)x\d+$/.exec(rid) || [])[1]);
      if (!fs.existsSync(file)) fail(`image ${rid}: ${file} does not exist`);
      else {
        const size = pngSize(file);
        if (!size) fail(`image ${rid}: ${file} is not a PNG`);
        else if (expected && (size[0] !== expected || size[1] !== expected))
          fail(`image ${rid}: ${file} is ${size[0]}×${size[1]}, not ${expected}×${expected}`);
      }
    }
  }
  for (const [where, url] of urls)
    if (!/^https:\/\//.test(url)) fail(`${where}: "${url}" must be an https URL`);
  for (const name of ["IconUrl", "HighResolutionIconUrl"]) {
    const url = attr(one(app, name), "DefaultValue") || "";
    if (!fs.existsSync(path.join(assetsDir, path.basename(url))))
      fail(`${name}: ${path.basename(url)} is not in ${assetsDir}`);
  }
  return { problems, compared: used !== undefined };
}

module.exports = { checkManifest };
