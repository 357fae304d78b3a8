import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

// The layers of DESIGN.md, enforced: core is pure; only workbook touches Office.js;
// only functions touches CustomFunctions; nothing but cli and scripts touches Node.
const nodeModules = ["fs", "path", "os", "child_process", "node:*", "worker_threads", "url", "util"];
const uiModules = ["react", "react-dom", "react-dom/*", "@fluentui/*"];
const officeGlobals = (names) =>
  names.map((name) => ({ name, message: `Only its own layer may use ${name} (DESIGN.md, Architecture).` }));

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "coverage/**", "test-results/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                ...nodeModules,
                ...uiModules,
                "exceljs",
                "office-addin-*",
                "@microsoft/*",
                "**/workbook/**",
                "**/taskpane/**",
                "**/functions/**",
                "**/cli/**",
              ],
              message: "src/core is pure: no Office, DOM, React, Node or file I/O (DESIGN.md, Architecture).",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...officeGlobals(["Office", "Excel", "CustomFunctions", "window", "document", "process"]),
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "src/core has no clock: take the plan date as input.",
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: "src/core has no clock: take the plan date as input.",
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: "src/core is deterministic: use a seeded generator.",
        },
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                ...nodeModules,
                ...uiModules,
                "exceljs",
                "**/workbook/**",
                "!**/workbook/displayLanguage",
                "**/taskpane/**",
                "**/cli/**",
              ],
              message: "src/functions calls only src/core.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...officeGlobals(["Office", "Excel", "window", "document"])],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...nodeModules, "exceljs", "**/cli/**", "**/functions/**"],
              message: "The task pane talks to src/workbook and src/core only.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...officeGlobals(["Office", "Excel", "CustomFunctions"])],
    },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...uiModules, "**/taskpane/**", "**/cli/**", "**/functions/**"],
              message: "src/workbook is an adapter: no UI, no CLI.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...officeGlobals(["CustomFunctions"])],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...uiModules, "**/taskpane/**", "**/functions/**"],
              message: "The CLI calls src/workbook and src/core only.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...officeGlobals(["Office", "Excel", "CustomFunctions"])],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
        URL: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
