import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '~/auth/permissions';
import { messages } from '~/locales';

// Every translation key the code names must exist in Finnish, Swedish and English. The code is
// read with the TypeScript parser, not a regular expression, so a key inside a ternary, a
// template literal or a lookup table (REFUSAL_KEYS = { conflict: 'records.errors.conflict' })
// is checked as well as a plain t('…') call.

type Tree = { [key: string]: string | Tree };
const LANGS = ['fi', 'sv', 'en'] as const;
const trees = messages as unknown as Record<(typeof LANGS)[number], Tree>;
const APP = path.resolve(__dirname, '..');
const TOP = new Set(Object.keys(trees.fi));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      // Job queue names ('mail.send', 'cron.meeting-reminders') are shaped like keys but are not messages.
      if (full !== path.join(APP, 'locales') && full !== path.join(APP, 'lib', 'queue')) out.push(...sourceFiles(full));
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/**
 * Problems with one key in each language. With a count, i18next looks up key_one, key_other…
 * (the language's plural categories) and falls back to the bare key, so each category needs
 * its own form or the bare key.
 */
function keyProblems(key: string, plural: boolean): string[] {
  const problems: string[] = [];
  for (const lang of LANGS) {
    const tree = trees[lang];
    const leaf = (k: string) => typeof lookup(tree, k) === 'string';
    if (plural) {
      for (const category of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) {
        if (!leaf(`${key}_${category}`) && !leaf(key)) problems.push(`${lang}: ${key}_${category} (or ${key}) missing`);
      }
    } else if (!leaf(key)) problems.push(`${lang}: ${key} missing`);
  }
  return problems;
}

/** A dynamic key `roles.${r}`: its fixed prefix must name a group of messages in every language. */
function prefixProblems(prefix: string): string[] {
  const group = prefix.replace(/\.[^.]*$/, '');
  if (!prefix.includes('.') || group === '') return [`dynamic key without a fixed group: ${prefix}\${…}`];
  return LANGS.filter((lang) => {
    const node = lookup(trees[lang], group);
    return node === undefined || typeof node === 'string';
  }).map((lang) => `${lang}: group ${group} (of ${prefix}\${…}) missing`);
}

// A string in code that names a key: starts with a top-level message area, dotted, no spaces.
const KEY_SHAPE = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;
const PERMISSION_ACTIONS = new Set<string>(ACTIONS);
const FILE_SUFFIX = /\.(csv|json|pdf|ics|xml|txt|js|ts|tsx|css|html|png|svg|md)$/;

/** Audit entries name their action in the same dotted shape ({ action: 'roster.term_create' }); those are not keys. */
function isAuditAction(node: ts.Node): boolean {
  let up = node.parent;
  while (ts.isConditionalExpression(up) || ts.isParenthesizedExpression(up)) up = up.parent;
  return ts.isPropertyAssignment(up) && ts.isIdentifier(up.name) && up.name.text === 'action';
}

interface Use {
  file: string;
  line: number;
  key: string;
  kind: 'call' | 'plural' | 'prefix' | 'literal';
}

function collect(): Use[] {
  const uses: Use[] = [];
  for (const file of sourceFiles(APP)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const rel = path.relative(APP, file);
    const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const inCall = new Set<ts.Node>();

    const keyArgument = (arg: ts.Expression, plural: boolean) => {
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) {
        inCall.add(arg);
        uses.push({ file: rel, line: at(arg), key: arg.text, kind: plural ? 'plural' : 'call' });
      } else if (ts.isConditionalExpression(arg)) {
        keyArgument(arg.whenTrue, plural);
        keyArgument(arg.whenFalse, plural);
      } else if (ts.isParenthesizedExpression(arg)) {
        keyArgument(arg.expression, plural);
      } else if (ts.isTemplateExpression(arg)) {
        inCall.add(arg);
        uses.push({ file: rel, line: at(arg), key: arg.head.text, kind: 'prefix' });
      }
      // Identifiers and lookups (t(REFUSAL_KEYS[x])) are covered by the literal scan below.
    };

    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        const [first, options] = node.arguments;
        if (name === 't' && first) {
          const plural = !!options && ts.isObjectLiteralExpression(options) && options.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'count');
          keyArgument(first, plural);
        }
      }
      if (ts.isJsxAttribute(node) && node.name.getText(source) === 'i18nKey' && node.initializer && ts.isStringLiteral(node.initializer)) {
        inCall.add(node.initializer);
        uses.push({ file: rel, line: at(node), key: node.initializer.text, kind: 'call' });
      }
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !inCall.has(node)) {
        const value = node.text;
        const parent = node.parent;
        const isImport = ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword);
        if (!isImport && !isAuditAction(node) && KEY_SHAPE.test(value) && TOP.has(value.split('.')[0]!) && !FILE_SUFFIX.test(value) && !PERMISSION_ACTIONS.has(value)) {
          uses.push({ file: rel, line: at(node), key: value, kind: 'literal' });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));
}

const uses = collect();

describe('translation keys', () => {
  it('finds the keys the code uses (the scan itself works)', () => {
    expect(uses.filter((u) => u.kind === 'call').length).toBeGreaterThan(500);
    expect(uses.filter((u) => u.kind === 'plural').length).toBeGreaterThan(3);
    expect(uses.filter((u) => u.kind === 'prefix').length).toBeGreaterThan(5);
    expect(uses.some((u) => u.file.endsWith(path.join('routes', 'search.tsx')))).toBe(true);
  });

  it('has every key used in app/ in fi, sv and en (plurals with _other)', () => {
    const problems = uses.flatMap((u) => {
      const found = u.kind === 'prefix' ? prefixProblems(u.key) : u.kind === 'literal' && typeof lookup(trees.fi, u.key) === 'object' ? [] : keyProblems(u.key, u.kind === 'plural');
      return found.map((p) => `${u.file}:${u.line} ${p}`);
    });
    expect([...new Set(problems)]).toEqual([]);
  });

  it('has the same keys in fi, sv and en', () => {
    const fi = new Set(flatten(trees.fi));
    for (const lang of ['sv', 'en'] as const) {
      const other = new Set(flatten(trees[lang]));
      expect([...fi].filter((k) => !other.has(k)), `in fi but not in ${lang}`).toEqual([]);
      expect([...other].filter((k) => !fi.has(k)), `in ${lang} but not in fi`).toEqual([]);
    }
  });

  it('uses the same {{placeholders}} in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([A-Za-z0-9_]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
    const problems: string[] = [];
    for (const key of flatten(trees.fi)) {
      const fi = placeholders(lookup(trees.fi, key) as string);
      for (const lang of ['sv', 'en'] as const) {
        const other = lookup(trees[lang], key);
        if (typeof other === 'string' && JSON.stringify(placeholders(other)) !== JSON.stringify(fi)) problems.push(`${lang}: ${key} has {{${placeholders(other).join(',')}}} but fi has {{${fi.join(',')}}}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
