// Custom-function metadata is generated from JSDoc, which has one language. Excel reads a
// localized copy through the manifest's Functions.Metadata.Url override for zh-CN: this
// plugin derives that copy, dist/functions-zh-cn.json, from the generated functions.json
// and the translation tables src/functions/*.zh-CN.json, and fails the build when a
// function or parameter has no translation. It also takes out the generator's
// `allowCustomDataForDataTypeAny` (CustomFunctionsRuntime 1.4), which would pass entity and
// other data-type cells to our `any` parameters as objects: the functions take plain cells.
const fs = require("fs");
const path = require("path");
const { sources, WebpackError, Compilation } = require("webpack");

/** The localized metadata, and what the tables do not cover. */
function localizeMetadata(metadata, table) {
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry || !entry.description) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const description = entry.parameters && entry.parameters[p.name];
      if (!description) missing.push(`${fn.id}(${p.name})`);
      return description ? { ...p, description } : p;
    });
    return { ...fn, description: entry.description, parameters };
  });
  return { metadata: { ...metadata, functions }, missing };
}

/** The metadata without the data-types opt-in. */
function withoutDataTypes(metadata) {
  const rest = { ...metadata };
  delete rest.allowCustomDataForDataTypeAny;
  return rest;
}

function readTables(dir) {
  const table = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".zh-CN.json"))
    .sort())
    Object.assign(table, JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
  return table;
}

class LocalizeFunctionsPlugin {
  constructor({ tablesDir, input = "functions.json", output = "functions-zh-cn.json" }) {
    Object.assign(this, { tablesDir, input, output });
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizeFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.input);
          if (!asset) return;
          const generated = withoutDataTypes(JSON.parse(asset.source.source().toString()));
          compilation.updateAsset(this.input, new sources.RawSource(JSON.stringify(generated, null, 2)));
          const { metadata, missing } = localizeMetadata(generated, readTables(this.tablesDir));
          if (missing.length)
            compilation.errors.push(new WebpackError(`No zh-CN translation for: ${missing.join(", ")}`));
          compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

module.exports = { LocalizeFunctionsPlugin, localizeMetadata, withoutDataTypes };
