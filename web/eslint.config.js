// ESLint flat config for the front end (web/). Run: `cd web && npm ci && npx eslint .` (mvn verify does both).
// Besides eslint:recommended it enforces the front end's own rules (web/js/README.md):
//  - only web/js/map/ touches Leaflet (the global `L`);
//  - only web/js/api/client.js calls fetch() for the API (so every request carries Accept-Language, the CSRF
//    header hook and the sub-path-relative base), and no code names an absolute `/api/...` path;
//  - only core/url-sync.js writes the URL (history.pushState/replaceState, location.hash);
//  - data never goes into the DOM as HTML (no innerHTML / outerHTML / insertAdjacentHTML).
import js from '@eslint/js';
import globals from 'globals';

const noHtmlSinks = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Build DOM with util/dom.js and textContent, never innerHTML.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM with util/dom.js, never insertAdjacentHTML.' },
  { selector: "Literal[value=/^\\/api\\//]", message: 'No absolute /api/... paths: go through api/client.js (the app may run under a sub-path).' },
  { selector: "TemplateElement[value.raw=/^\\/api\\//]", message: 'No absolute /api/... paths: go through api/client.js (the app may run under a sub-path).' },
];
// core/url-sync.js owns the URL hash: modules register hash keys (core/url-state.js) and set the state
const hashWrites = [
  { selector: "CallExpression[callee.property.name=/^(pushState|replaceState)$/]", message: 'Only core/url-sync.js writes the URL: register a hash key and set the state.' },
  { selector: "AssignmentExpression[left.property.name='hash'][left.object.name='location']", message: 'Only core/url-sync.js writes the URL: register a hash key and set the state.' },
  { selector: "AssignmentExpression[left.property.name='hash'][left.object.property.name='location']", message: 'Only core/url-sync.js writes the URL: register a hash key and set the state.' },
];

export default [
  { ignores: ['node_modules/**', 'test/vendor/**', 'vendor/**'] },
  js.configs.recommended,
  {
    files: ['js/**/*.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': ['error', ...noHtmlSinks, ...hashWrites],
      'no-restricted-globals': ['error',
        { name: 'L', message: 'Only web/js/map/ touches Leaflet: emit a bus event or use the map adapter.' },
        { name: 'fetch', message: 'Call the API through api/client.js.' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // the map layer owns Leaflet
    files: ['js/map/**/*.js'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the API through api/client.js.' }],
    },
  },
  {
    // the one place that fetches: the API client, and the i18n loader (static string files, not the API)
    files: ['js/api/client.js', 'js/core/i18n.js'],
    rules: {
      'no-restricted-globals': ['error', { name: 'L', message: 'Only web/js/map/ touches Leaflet.' }],
    },
  },
  {
    files: ['js/core/url-sync.js'],
    rules: { 'no-restricted-syntax': ['error', ...noHtmlSinks] },
  },
  {
    files: ['test/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  {
    // bench scripts live outside web/; nothing else here
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
];
