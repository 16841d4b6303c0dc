/**
 * import() in classic scripts where node:vm has no SourceTextModule (Node started without
 * --experimental-vm-modules: Vitest, `node --test`). There Node answers a vm script's import()
 * with an error of its own realm, whose constructor reaches the host; so each import() of a
 * classic script the loader runs is made a call of the realm's own importer instead, which loads
 * the extension's modules as module-functions.ts compiles them. Found by parsing (acorn), so that
 * `import(` in a string, a comment or a regular expression is left alone.
 */
import { parse, type Node } from 'acorn';

/** The realm global the rewritten code calls: (referrer URL, specifier) → a promise of the module. */
export const CLASSIC_IMPORTER = '__switchboard_import';

/** `source` with each import(specifier) a call of CLASSIC_IMPORTER; unchanged where it has none or does not parse. */
export function rewriteDynamicImports(source: string, url: string): string {
  if (!source.includes('import')) return source;
  let program: Node;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: false });
  } catch {
    // V8 reports the syntax error in its own words when the script is compiled.
    return source;
  }
  const heads: [start: number, end: number][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const { type } = node as { type?: unknown };
    if (typeof type !== 'string') return;
    if (type === 'ImportExpression') heads.push([(node as Node).start, ((node as unknown as { source: Node }).source).start]);
    for (const [key, value] of Object.entries(node)) if (key !== 'type' && typeof value === 'object') visit(value);
  };
  visit(program);
  if (heads.length === 0) return source;
  let rewritten = source;
  // From the last to the first, so that earlier offsets still hold.
  for (const [start, end] of heads.sort((a, b) => b[0] - a[0])) {
    rewritten = `${rewritten.slice(0, start)}${CLASSIC_IMPORTER}(${JSON.stringify(url)}, ${rewritten.slice(end)}`;
  }
  return rewritten;
}
