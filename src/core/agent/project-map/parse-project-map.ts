import ts from 'typescript';
import { propertyName, shortText, staticValue, type StaticValue } from './static-value';

export interface PropInfo {
  name: string;
  type: string;
  optional: boolean;
}

export interface ComponentInfo {
  name: string;
  line: number;
  exported: boolean;
  /** Props from the parameter's type (literal, interface, alias, React.FC<…>, z.infer<typeof …>) or its destructuring. */
  props: PropInfo[];
  /** The props type as written, when it names one. */
  propsType?: string;
}

export interface SchemaInfo {
  name: string;
  file: string;
  fields: PropInfo[];
}

export interface CompositionEntry {
  kind: 'Composition' | 'Still';
  id: string | null;
  file: string;
  line: number;
  component: string | null;
  durationInFrames?: StaticValue;
  fps?: StaticValue;
  width?: StaticValue;
  height?: StaticValue;
  schema?: SchemaInfo | { name: string; fields: null };
  defaultProps?: StaticValue;
}

export interface FileInfo {
  path: string;
  lines: number;
  imports: { from: string; names: string[] }[];
  exports: { name: string; kind: 'function' | 'const' | 'class' | 'type' | 'interface' | 'default' | 're-export' }[];
  components: ComponentInfo[];
  syntaxErrors: string[];
}

export interface ProjectMap {
  files: FileInfo[];
  compositions: CompositionEntry[];
  schemas: SchemaInfo[];
  /** Paths that are not parsed (JSON, CSS, package.json): listed with their size only. */
  otherFiles: { path: string; lines: number }[];
}

const SOURCE = /\.(tsx?|jsx?|mjs)$/;

/**
 * The project's structure from the TypeScript parser (syntax trees, no type checking, so it is
 * fast and needs no lib files): files, imports, exports, components with their props, zod schemas,
 * and the <Composition>/<Still> elements with their ids, sizes, schema and defaultProps.
 */
export function parseProjectMap(files: ReadonlyMap<string, string>): ProjectMap {
  const parsed: { path: string; source: ts.SourceFile }[] = [];
  const otherFiles: ProjectMap['otherFiles'] = [];
  for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!SOURCE.test(path)) {
      otherFiles.push({ path, lines: content.split('\n').length });
      continue;
    }
    const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JSX;
    parsed.push({ path, source: ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, kind) });
  }

  const schemas: SchemaInfo[] = parsed.flatMap(({ path, source }) => findSchemas(path, source));
  const fileInfos: FileInfo[] = [];
  const compositions: CompositionEntry[] = [];
  for (const { path, source } of parsed) {
    const consts = constInitializers(source);
    fileInfos.push({
      path,
      lines: source.getLineAndCharacterOfPosition(source.end).line + 1,
      imports: findImports(source),
      exports: findExports(source),
      components: findComponents(source, schemas),
      syntaxErrors: syntaxErrors(source),
    });
    compositions.push(...findCompositions(path, source, consts, schemas));
  }
  return { files: fileInfos, compositions, schemas, otherFiles };
}

function syntaxErrors(source: ts.SourceFile): string[] {
  // parseDiagnostics is internal but stable for years; it is what tsc reports as syntax errors.
  const diags = (source as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diags.slice(0, 5).map((d) => {
    const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
    return `${source.fileName}:${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

function lineOf(node: ts.Node, source: ts.SourceFile): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function constInitializers(source: ts.SourceFile): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  for (const stmt of source.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.initializer) out.set(decl.name.text, decl.initializer);
    }
  }
  return out;
}

function findImports(source: ts.SourceFile): FileInfo['imports'] {
  const out: FileInfo['imports'] = [];
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const names: string[] = [];
    const clause = stmt.importClause;
    if (clause?.name) names.push(`default as ${clause.name.text}`);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.push(el.name.text);
    if (bindings && ts.isNamespaceImport(bindings)) names.push(`* as ${bindings.name.text}`);
    out.push({ from: stmt.moduleSpecifier.text, names });
  }
  return out;
}

function findExports(source: ts.SourceFile): FileInfo['exports'] {
  const out: FileInfo['exports'] = [];
  for (const stmt of source.statements) {
    if (ts.isExportAssignment(stmt)) out.push({ name: 'default', kind: 'default' });
    else if (ts.isExportDeclaration(stmt)) {
      if (stmt.exportClause && ts.isNamedExports(stmt.exportClause)) for (const el of stmt.exportClause.elements) out.push({ name: el.name.text, kind: 're-export' });
      else out.push({ name: '*', kind: 're-export' });
    } else if (hasExportModifier(stmt)) {
      const isDefault = (ts.getModifiers(stmt as ts.HasModifiers) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (ts.isFunctionDeclaration(stmt)) out.push({ name: isDefault ? 'default' : (stmt.name?.text ?? 'default'), kind: isDefault ? 'default' : 'function' });
      else if (ts.isClassDeclaration(stmt)) out.push({ name: stmt.name?.text ?? 'default', kind: 'class' });
      else if (ts.isInterfaceDeclaration(stmt)) out.push({ name: stmt.name.text, kind: 'interface' });
      else if (ts.isTypeAliasDeclaration(stmt)) out.push({ name: stmt.name.text, kind: 'type' });
      else if (ts.isVariableStatement(stmt)) for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) out.push({ name: d.name.text, kind: 'const' });
    }
  }
  return out;
}

/** `const xSchema = z.object({...})` (also `.strict()` etc. chained after). */
function findSchemas(path: string, source: ts.SourceFile): SchemaInfo[] {
  const out: SchemaInfo[] = [];
  for (const stmt of source.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
      const object = zObjectLiteral(decl.initializer);
      if (!object) continue;
      const fields: PropInfo[] = [];
      for (const prop of object.properties) {
        if (!ts.isPropertyAssignment(prop)) continue;
        const name = propertyName(prop.name);
        if (name === null) continue;
        const type = shortText(prop.initializer, source, 100);
        fields.push({ name, type, optional: /\.optional\(\)|\.default\(/.test(type) });
      }
      out.push({ name: decl.name.text, file: path, fields });
    }
  }
  return out;
}

function zObjectLiteral(expr: ts.Expression): ts.ObjectLiteralExpression | null {
  let node: ts.Expression = expr;
  // Walk down chained calls: z.object({...}).strict().describe(...)
  while (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'object' && ts.isIdentifier(callee.expression) && callee.expression.text === 'z') {
      const arg = node.arguments[0];
      return arg && ts.isObjectLiteralExpression(arg) ? arg : null;
    }
    if (ts.isPropertyAccessExpression(callee)) node = callee.expression;
    else return null;
  }
  return null;
}

function containsJsx(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function findComponents(source: ts.SourceFile, schemas: readonly SchemaInfo[]): ComponentInfo[] {
  const out: ComponentInfo[] = [];
  const types = localTypes(source);
  const consider = (name: string, fn: ts.SignatureDeclaration & { body?: ts.Node }, node: ts.Node, annotation?: ts.TypeNode) => {
    if (!/^[A-Z]/.test(name)) return;
    const fcType = annotation && ts.isTypeReferenceNode(annotation) && /(^|\.)(FC|FunctionComponent|ComponentType)$/.test(annotation.typeName.getText(source)) ? annotation.typeArguments?.[0] : undefined;
    if (!fcType && !(fn.body && containsJsx(fn.body))) return;
    const param = fn.parameters[0];
    const propsTypeNode = fcType ?? param?.type;
    const props = propsTypeNode ? propsOfType(propsTypeNode, source, types, schemas) : param ? propsOfBinding(param.name) : [];
    out.push({
      name,
      line: lineOf(node, source),
      exported: hasExportModifier(node),
      props,
      ...(propsTypeNode && !ts.isTypeLiteralNode(propsTypeNode) ? { propsType: shortText(propsTypeNode, source, 80) } : {}),
    });
  };
  for (const stmt of source.statements) {
    if (ts.isFunctionDeclaration(stmt) && stmt.name) consider(stmt.name.text, stmt, stmt);
    if (ts.isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
        let init: ts.Expression = decl.initializer;
        // React.memo(...) / forwardRef(...) wrappers
        if (ts.isCallExpression(init) && init.arguments[0] && (ts.isArrowFunction(init.arguments[0]) || ts.isFunctionExpression(init.arguments[0]))) init = init.arguments[0];
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) consider(decl.name.text, init, stmt, decl.type);
      }
    }
  }
  return out;
}

function localTypes(source: ts.SourceFile): Map<string, ts.TypeNode | ts.InterfaceDeclaration> {
  const out = new Map<string, ts.TypeNode | ts.InterfaceDeclaration>();
  for (const stmt of source.statements) {
    if (ts.isInterfaceDeclaration(stmt)) out.set(stmt.name.text, stmt);
    if (ts.isTypeAliasDeclaration(stmt)) out.set(stmt.name.text, stmt.type);
  }
  return out;
}

function propsOfMembers(members: ts.NodeArray<ts.TypeElement>, source: ts.SourceFile): PropInfo[] {
  return members.filter(ts.isPropertySignature).map((m) => ({
    name: propertyName(m.name) ?? m.name.getText(source),
    type: m.type ? shortText(m.type, source, 80) : 'unknown',
    optional: Boolean(m.questionToken),
  }));
}

function propsOfType(node: ts.TypeNode, source: ts.SourceFile, types: Map<string, ts.TypeNode | ts.InterfaceDeclaration>, schemas: readonly SchemaInfo[], depth = 0): PropInfo[] {
  if (depth > 4) return [];
  if (ts.isTypeLiteralNode(node)) return propsOfMembers(node.members, source);
  if (ts.isIntersectionTypeNode(node)) return node.types.flatMap((t) => propsOfType(t, source, types, schemas, depth + 1));
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(source);
    // z.infer<typeof schema>
    if (/^z\.(infer|input|output)$/.test(name)) {
      const arg = node.typeArguments?.[0];
      if (arg && ts.isTypeQueryNode(arg)) return schemas.find((s) => s.name === arg.exprName.getText(source))?.fields ?? [];
    }
    const local = types.get(name);
    if (local) return ts.isInterfaceDeclaration(local) ? propsOfMembers(local.members, source) : propsOfType(local, source, types, schemas, depth + 1);
  }
  return [];
}

function propsOfBinding(name: ts.BindingName): PropInfo[] {
  if (!ts.isObjectBindingPattern(name)) return [];
  return name.elements.map((el) => ({ name: (el.propertyName ?? el.name).getText(), type: 'unknown', optional: Boolean(el.initializer) }));
}

function findCompositions(path: string, source: ts.SourceFile, consts: ReadonlyMap<string, ts.Expression>, schemas: readonly SchemaInfo[]): CompositionEntry[] {
  const out: CompositionEntry[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) {
      const tag = node.tagName.getText(source);
      if (tag === 'Composition' || tag === 'Still') out.push(readComposition(tag, node.attributes, path, source, consts, schemas, lineOf(node, source)));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function readComposition(
  kind: 'Composition' | 'Still',
  attributes: ts.JsxAttributes,
  path: string,
  source: ts.SourceFile,
  consts: ReadonlyMap<string, ts.Expression>,
  schemas: readonly SchemaInfo[],
  line: number,
): CompositionEntry {
  const entry: CompositionEntry = { kind, id: null, file: path, line, component: null };
  for (const attr of attributes.properties) {
    if (!ts.isJsxAttribute(attr)) continue;
    const name = attr.name.getText(source);
    const init = attr.initializer;
    const expr = !init ? undefined : ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) ? init.expression : undefined;
    if (!expr) continue;
    const value = staticValue(expr, source, consts);
    switch (name) {
      case 'id':
        entry.id = typeof value === 'string' ? value : shortText(expr, source);
        break;
      case 'component':
        entry.component = shortText(expr, source, 60);
        break;
      case 'durationInFrames':
      case 'fps':
      case 'width':
      case 'height':
        entry[name] = value;
        break;
      case 'schema': {
        const schemaName = shortText(expr, source, 60);
        entry.schema = schemas.find((s) => s.name === schemaName) ?? { name: schemaName, fields: null };
        break;
      }
      case 'defaultProps':
        entry.defaultProps = value;
        break;
    }
  }
  return entry;
}
