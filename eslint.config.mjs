import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import i18next from "eslint-plugin-i18next";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      // Prettier wraps code at 120 columns; comments it leaves alone are held to the same width.
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // Every database call is asynchronous: a call whose promise is dropped, or tested for truth, is a bug.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[arguments.length=0] > MemberExpression.callee > Identifier.property[name=/^(get|all|run)$/]",
          message:
            "SQLite-only: await the query builder (or use db/sql.ts for raw SQL), so that it runs on PostgreSQL too.",
        },
      ],
    },
  },
  {
    // Words people read come from the message catalogues (lib/i18n/messages): no text written into the markup. A
    // string whose type is a union of literals (a prop such as `tone="error"`) is taken for a value, not for words.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            exclude: [
              "className",
              "style",
              "type",
              "key",
              "id",
              "width",
              "height",
              "href",
              "rel",
              "target",
              "name",
              "method",
              "action",
              "autoComplete",
              "inputMode",
              "role",
              "htmlFor",
              "lang",
              "dir",
              "hrefLang",
              "data-.*",
              "aria-(current|live|hidden|describedby|labelledby|controls|expanded|haspopup|busy|atomic|relevant)",
              "pattern",
              "accept",
              "encType",
              "spellCheck",
              "value",
              "defaultValue",
              "form",
              "list",
              "step",
              "min",
              "max",
              "scope",
              "viewBox",
              "d",
              "fill",
              "stroke",
              "xmlns",
              "src",
            ],
          },
          // The product's name is no word to translate; nor is punctuation.
          words: { exclude: ["[0-9!-/:-@[-`{-~\\s—–·…“”‘’«»]+", "[A-Z_-]+", "Claimdesk"] },
        },
      ],
    },
  },
];

export default config;
