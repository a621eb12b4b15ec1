import ts from 'typescript';

/** Marks a value the static evaluator could not compute; the source text is kept instead. */
export interface UnknownValue {
  expression: string;
}

export type StaticValue = string | number | boolean | null | StaticValue[] | { [key: string]: StaticValue } | UnknownValue;

const MAX_TEXT = 120;

/**
 * Evaluates literals (strings, numbers, booleans, arrays, objects, `as const`, negation, consts of
 * the same file) without running code; anything else is returned as its source text. Enough to
 * show a composition's defaultProps and sizes to the model.
 */
export function staticValue(node: ts.Expression, file: ts.SourceFile, consts: ReadonlyMap<string, ts.Expression>, depth = 0): StaticValue {
  if (depth > 8) return unknown(node, file);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
    return staticValue(node.expression, file, consts, depth + 1);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => staticValue(e as ts.Expression, file, consts, depth + 1));
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, StaticValue> = {};
    for (const prop of node.properties) {
      if (ts.isPropertyAssignment(prop)) {
        const key = propertyName(prop.name);
        if (key !== null) out[key] = staticValue(prop.initializer, file, consts, depth + 1);
      } else if (ts.isShorthandPropertyAssignment(prop)) {
        const target = consts.get(prop.name.text);
        out[prop.name.text] = target ? staticValue(target, file, consts, depth + 1) : { expression: prop.name.text };
      } else if (ts.isSpreadAssignment(prop)) {
        out['...'] = unknown(prop.expression, file);
      }
    }
    return out;
  }
  if (ts.isIdentifier(node)) {
    const target = consts.get(node.text);
    if (target) return staticValue(target, file, consts, depth + 1);
  }
  return unknown(node, file);
}

export function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return null;
}

export function shortText(node: ts.Node, file: ts.SourceFile, max = MAX_TEXT): string {
  const text = node.getText(file).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function unknown(node: ts.Node, file: ts.SourceFile): UnknownValue {
  return { expression: shortText(node, file) };
}
