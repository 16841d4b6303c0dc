import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLASSIC_IMPORTER, rewriteDynamicImports } from '../../src/loader/classic-imports.ts';

const URL = 'chrome-extension://abc/content.js';
const call = `${CLASSIC_IMPORTER}(${JSON.stringify(URL)}, `;

describe('classic scripts without vm modules: import() becomes a call of the realm importer', () => {
  it('rewrites each import() call, nested ones too, and keeps its arguments', () => {
    const source = "const a = import('./a.js');\nimport(`./${await0}.js`, { with: { type: 'json' } }).then((m) => import(m.next));";
    assert.equal(
      rewriteDynamicImports(source, URL),
      `const a = ${call}'./a.js');\n${call}\`./\${await0}.js\`, { with: { type: 'json' } }).then((m) => ${call}m.next));`,
    );
  });

  it("leaves `import(` alone in strings, comments, regular expressions and property names", () => {
    const source = "const s = 'import(x)'; // import(y)\n/* import(z) */ const r = /import\\(w\\)/; const o = { import: 1 }; o.import(2);";
    assert.equal(rewriteDynamicImports(source, URL), source);
  });

  it('leaves a script that does not parse as it is, for V8 to report its syntax error', () => {
    const source = 'import(x); let let = 1;';
    assert.equal(rewriteDynamicImports(source, URL), source);
  });
});
