// Static check: code that reaches the browser bundle never takes a value from a *.server module.
// On the client such a module is empty, so the page renders on the server and crashes after hydration.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
// Route exports the Remix browser build keeps; everything else (loader, action, headers) is stripped.
const CLIENT_EXPORTS = new Set(['default', 'meta', 'links', 'handle', 'ErrorBoundary', 'shouldRevalidate', 'clientLoader', 'clientAction', 'HydrateFallback', 'Layout']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const isServerModule = (spec: string) => /\.server(\.tsx?)?$/.test(spec) || spec.includes('.server/');

/** Names imported as values (not `import type`, not `{ type X }`) from *.server modules. */
function serverValueImports(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    if (!isServerModule(stmt.moduleSpecifier.text)) continue;
    const clause = stmt.importClause;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) if (!el.isTypeOnly) names.add(el.name.text);
    }
  }
  return names;
}

/** A name in `a.name`, `{ name: … }` or `<X name=…>` is not a reference to a binding. */
function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === id) ||
    (ts.isPropertyAssignment(p) && p.name === id) ||
    (ts.isJsxAttribute(p) && p.name === id) ||
    (ts.isMethodDeclaration(p) && p.name === id) ||
    (ts.isBindingElement(p) && p.propertyName === id)
  );
}

function identifiersIn(node: ts.Node, out = new Set<string>()): Set<string> {
  // Type positions vanish at compile time, so a server type used in a component is harmless.
  if (ts.isTypeNode(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) return out;
  if (ts.isIdentifier(node) && !isPropertyName(node)) out.add(node.text);
  node.forEachChild((child) => void identifiersIn(child, out));
  return out;
}

function declaredNames(stmt: ts.Statement): string[] {
  if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt)) && stmt.name) return [stmt.name.text];
  if (ts.isVariableStatement(stmt)) {
    return stmt.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  }
  return [];
}

const isExported = (stmt: ts.Statement) => ts.canHaveModifiers(stmt) && (ts.getModifiers(stmt) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (stmt: ts.Statement) => ts.canHaveModifiers(stmt) && (ts.getModifiers(stmt) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** Violations in one file: server value imports referenced by code the browser runs. */
export function clientServerImports(path: string, source: string, isRoute: boolean): string[] {
  const sf = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const serverNames = serverValueImports(sf);
  if (serverNames.size === 0) return [];
  const decls = sf.statements.filter((s) => !ts.isImportDeclaration(s));
  if (!isRoute) {
    // Anything outside routes may run in the browser as a whole.
    const used = new Set<string>();
    for (const stmt of decls) for (const id of identifiersIn(stmt)) used.add(id);
    return [...serverNames].filter((n) => used.has(n));
  }
  const byName = new Map<string, ts.Statement>();
  for (const stmt of decls) for (const n of declaredNames(stmt)) byName.set(n, stmt);
  const reachable = new Set<ts.Statement>();
  const queue: ts.Statement[] = [];
  for (const stmt of decls) {
    const names = declaredNames(stmt);
    const client =
      isDefault(stmt) ||
      ts.isExportAssignment(stmt) ||
      ts.isExpressionStatement(stmt) ||
      (isExported(stmt) && names.some((n) => CLIENT_EXPORTS.has(n)));
    if (client) queue.push(stmt);
  }
  while (queue.length > 0) {
    const stmt = queue.pop()!;
    if (reachable.has(stmt)) continue;
    reachable.add(stmt);
    for (const id of identifiersIn(stmt)) {
      const target = byName.get(id);
      if (target && !reachable.has(target)) queue.push(target);
    }
  }
  const used = new Set<string>();
  for (const stmt of reachable) for (const id of identifiersIn(stmt)) used.add(id);
  return [...serverNames].filter((n) => used.has(n));
}

describe('browser code never takes values from *.server modules', () => {
  it('the check itself catches a component reading a server constant', () => {
    const route = `import { SEAT_ROLES, getRoster } from '~/models/rosters.server';
      export async function loader() { return getRoster(); }
      function Roles() { return SEAT_ROLES.map((r) => r); }
      export default function Page() { return Roles(); }`;
    expect(clientServerImports('x.tsx', route, true)).toEqual(['SEAT_ROLES']);
    const fine = `import { getRoster, type Refusal } from '~/models/rosters.server';
      const load = () => getRoster();
      export async function loader() { return load(); }
      export default function Page(p: { r: Refusal }) { return null; }`;
    expect(clientServerImports('x.tsx', fine, true)).toEqual([]);
    expect(clientServerImports('c.tsx', `import { X } from '~/lib/a.server'; export const y = X;`, false)).toEqual(['X']);
  });

  it('holds for app/routes, app/components and the shared lib, validation and locale modules', () => {
    const problems: string[] = [];
    for (const area of ['routes', 'components', 'lib', 'validation', 'locales', 'auth']) {
      for (const path of walk(join(root, 'app', area))) {
        if (/\.server\.tsx?$/.test(path)) continue;
        const bad = clientServerImports(path, readFileSync(path, 'utf8'), area === 'routes');
        if (bad.length > 0) problems.push(`${relative(root, path)}: ${bad.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
