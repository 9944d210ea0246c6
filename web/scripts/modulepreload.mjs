// Rewrites the <link rel="modulepreload"> list of web/index.html to exactly the modules the first view imports
// statically (the module scripts of index.html and their `import … from` graph; import() is left out).
// Run after adding or removing a static import: `cd web && npm run preload`. web/test/i18n-keys.test.mjs checks it.
import { readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';

const root = new URL('../', import.meta.url);
const html = readFileSync(new URL('index.html', root), 'utf8');
const seen = new Set();
const visit = (path) => {
  if (seen.has(path)) return;
  seen.add(path);
  const src = readFileSync(new URL(path, root), 'utf8');
  for (const m of src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
    visit(posix.normalize(posix.join(posix.dirname(path), m[1] || m[2])));
  }
};
for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) visit(m[1]);
const lines = [...seen].sort().map((m) => `  <link rel="modulepreload" href="${m}">\n`).join('');
writeFileSync(new URL('index.html', root), html.replace(/( {2}<link rel="modulepreload" href="[^"]+">\n)+/, lines));
console.log(`${seen.size} modules in the first view`);
