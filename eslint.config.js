// ESLint's checks of the site's chart script and its tests (make lint and make test run them).
import js from "@eslint/js";
import globals from "globals";

const SCRIPT = "generator/theme/assets/javascripts";

const rules = {
  "no-redeclare": "error",
  "no-shadow": ["error", { builtinGlobals: false, hoist: "all" }],
  "no-unused-vars": ["error", { args: "after-used", caughtErrors: "all" }],
  "no-undef": "error",
  "no-var": "error",
  "prefer-const": "error",
  "eqeqeq": ["error", "always"]
};

export default [
  { ignores: ["node_modules/", ".venv/", "site/", "build/", `${SCRIPT}/vendor/`] },
  js.configs.recommended,
  {
    // The chart script's modules know only the language and URL (which Node has too), so the
    // tests run them as the browser does; only the entry, explainer.js, reads the page.
    files: [`${SCRIPT}/**/*.js`],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { URL: "readonly" } },
    rules: rules
  },
  {
    // What the script keeps between calls is in explainer.js's one `state` object.
    files: [`${SCRIPT}/**/*.js`],
    rules: {
      "no-restricted-syntax": ["error", {
        selector: "Program > VariableDeclaration[kind!='const']",
        message: "No module-level let or var: keep what changes in explainer.js's `state`."
      }]
    }
  },
  {
    // plotly.js, loaded by the script itself, defines Plotly; Material for MkDocs defines document$.
    files: [`${SCRIPT}/explainer.js`],
    languageOptions: { globals: { ...globals.browser, Plotly: "readonly", document$: "readonly" } }
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
    rules: rules
  }
];
