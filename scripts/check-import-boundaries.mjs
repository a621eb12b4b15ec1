#!/usr/bin/env node
// The layers' import rules, checked over whatever files exist (no file list is kept here):
//   core ← db, core ← app ← ui; workers and the preview runtime import core only; core imports no
//   other layer (nor Node built-ins, Solid, Dexie or playwright) and uses none of the browser globals
//   Node's types declare (localStorage, sessionStorage, navigator), which its no-DOM tsconfig lets
//   through; neither the edge nor the CLI imports src/ui; only src/db calls the database's tables.
// Usage: node scripts/check-import-boundaries.mjs [root]   (exits 1 and lists each offending import as file:line)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.wrangler', '.git']);
/** Layers whose code reaches the database only through src/db's repositories. */
const SCANNED_FOR_TABLES = new Set(['app', 'ui', 'harness', 'cli']);
/** Top-level folders that hold code the rules speak about. */
const SCANNED = ['src', 'workers', 'edge'];

/**
 * Each layer, by path prefix (longest first wins), with the layers it may import from (its own
 * always included). A layer without `allowed` is checked only against `forbidden`.
 */
export const LAYERS = [
  // Core runs in the page, in workers and in Node: no Node built-ins, no UI framework, no database, no browser driver.
  // Its tsconfig has no DOM lib, but Node's types also declare these browser globals, so they are checked here.
  {
    name: 'core',
    prefix: 'src/core/',
    allowed: [],
    forbiddenPackages: [/^node:/, /^solid-js(\/|$)/, /^@solidjs\//, /^dexie(\/|$)/, /^playwright-core(\/|$)/],
    forbiddenGlobals: ['localStorage', 'sessionStorage', 'navigator'],
  },
  // The one layer that touches the database's tables; the others go through its repositories.
  { name: 'db', prefix: 'src/db/', allowed: ['core'], ownsTables: true },
  // App services host the sandbox: they load the preview runtime (by URL) into its iframe.
  { name: 'app', prefix: 'src/app/', allowed: ['core', 'db', 'workers', 'preview-runtime'] },
  // Entry points of the page (main.tsx) sit above ui; ui may use every floor below it.
  { name: 'ui', prefix: 'src/ui/', allowed: ['core', 'db', 'app', 'workers', 'preview-runtime'] },
  { name: 'workers', prefix: 'workers/', allowed: ['core'] },
  { name: 'edge', prefix: 'edge/', forbidden: ['ui'] },
  // The sandboxed iframe's runtime shares nothing with the app but core's protocol and helpers.
  { name: 'preview-runtime', prefix: 'src/preview-runtime/', allowed: ['core'] },
  // The CLI runs in Node, where the Solid views cannot load.
  { name: 'cli', prefix: 'src/cli/', forbidden: ['ui'] },
  { name: 'harness', prefix: 'src/harness/' },
];

/**
 * Imports that break a rule today and are allowed on purpose, each with its reason. Keys are
 * `importing-layer -> imported-layer:imported-path-prefix`.
 */
export const ALLOWED_EXCEPTIONS = [];

export function layerOf(relativePath) {
  let best;
  for (const layer of LAYERS) {
    if (relativePath.startsWith(layer.prefix) && (!best || layer.prefix.length > best.prefix.length)) best = layer;
  }
  return best;
}

function breaksRule(from, to) {
  if (from.name === to.name) return false;
  if (from.allowed) return !from.allowed.includes(to.name);
  return (from.forbidden ?? []).includes(to.name);
}

function* sourceFiles(root, dir) {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(root, relative);
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield relative;
    }
  }
}

/** Every module a file names: import/export … from, import(), import('…').Type, new URL('…', import.meta.url). */
export function importsOf(fileName, text) {
  const kind = /\.(tsx|jsx)$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found = [];
  const add = (node) => {
    if (node && ts.isStringLiteralLike(node)) {
      found.push({ specifier: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.[1]?.getText(source) === 'import.meta.url') add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Bare uses of the named globals (not `x.name`, not `{ name: … }`, not a declaration of that name). */
export function globalsUsedIn(fileName, text, names) {
  const wanted = new Set(names);
  const kind = /\.(tsx|jsx)$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const visit = (node) => {
    if (ts.isIdentifier(node) && wanted.has(node.text)) {
      const parent = node.parent;
      const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node);
      const isDeclared = (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.name === node;
      if (!isMemberName && !isDeclared) found.push({ name: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Dexie's table and collection methods: `db.<table>.<method>(…)` outside src/db bypasses the repositories. */
const TABLE_METHODS = new Set(['get', 'put', 'add', 'update', 'delete', 'where', 'toArray', 'bulkGet', 'bulkPut', 'bulkAdd', 'bulkDelete', 'filter', 'orderBy', 'count', 'each', 'clear', 'modify', 'toCollection', 'upsert']);

/** Calls straight on a table of the database (`db.projects.put(…)`, `db.table('x')…`), with their lines. */
export function tableCallsIn(fileName, text) {
  const kind = /\.(tsx|jsx)$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const isDb = (node) => ts.isIdentifier(node) && node.text === 'db';
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const call = node.expression;
      const onTable = ts.isPropertyAccessExpression(call.expression) && isDb(call.expression.expression) && TABLE_METHODS.has(call.name.text);
      const namedTable = isDb(call.expression) && call.name.text === 'table';
      if (onTable || namedTable) found.push({ name: call.getText(source).slice(0, 60), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository-relative path a specifier points at, or undefined for packages. */
function resolveInRepo(fromFile, specifier) {
  const bare = specifier.replace(/[?#].*$/, '');
  if (bare.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), bare));
  // Vite's root-absolute imports ('/src/…').
  if (bare.startsWith('/src/') || bare.startsWith('/workers/')) return bare.slice(1);
  return undefined;
}

/** Every import that crosses a layer boundary the wrong way, under `root`. */
export function findBoundaryViolations(root) {
  const violations = [];
  for (const top of SCANNED) {
    for (const file of sourceFiles(root, top)) {
      const from = layerOf(file);
      if (!from) continue;
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const { specifier, line } of importsOf(file, text)) {
        const target = resolveInRepo(file, specifier);
        if (!target) {
          if ((from.forbiddenPackages ?? []).some((pattern) => pattern.test(specifier))) violations.push({ file, line, specifier, from: from.name, to: `package ${specifier}` });
          continue;
        }
        // A directory import ('../core') names the folder without the trailing slash.
        const to = layerOf(target) ?? layerOf(`${target}/`);
        if (!to || !breaksRule(from, to)) continue;
        if (ALLOWED_EXCEPTIONS.some((key) => `${from.name} -> ${to.name}:${target}`.startsWith(key))) continue;
        violations.push({ file, line, specifier, from: from.name, to: to.name });
      }
      if (!from.ownsTables && SCANNED_FOR_TABLES.has(from.name)) {
        for (const { name, line } of tableCallsIn(file, text)) violations.push({ file, line, specifier: name, from: from.name, to: 'table', kind: 'table' });
      }
      if (from.forbiddenGlobals) {
        for (const { name, line } of globalsUsedIn(file, text, from.forbiddenGlobals)) {
          violations.push({ file, line, specifier: name, from: from.name, to: 'global', kind: 'global' });
        }
      }
    }
  }
  return violations;
}

export function formatViolation(v) {
  if (v.kind === 'table') return `${v.file}:${v.line}: ${v.from} must not call a database table directly (${v.specifier}); add a function to a src/db repository`;
  if (v.kind === 'global') return `${v.file}:${v.line}: ${v.from} must not use the browser global ${v.specifier} (take it as an injected port)`;
  return `${v.file}:${v.line}: ${v.from} must not import ${v.to} ('${v.specifier}')`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = findBoundaryViolations(root);
  for (const v of violations) console.error(formatViolation(v));
  if (violations.length) {
    console.error(`${violations.length} boundary offence(s) (rules: scripts/check-import-boundaries.mjs).`);
    process.exit(1);
  }
  console.log('import boundaries: ok');
}
