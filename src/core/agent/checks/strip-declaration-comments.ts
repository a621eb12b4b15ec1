import type ts from 'typescript';

/**
 * A declaration file without its comments and indentation, which are most of its bytes (lib.dom's
 * MDN notes, JSDoc) and mean nothing to a type check that only reports errors in project files.
 * Comments are found through the parsed tree, never inside strings or template types; `///`
 * directives stay (they pull in other lib files), and line breaks stay where they were. Files with
 * a string or template spanning lines keep their indentation (it is part of the literal).
 */
export function stripDeclarationComments(t: typeof ts, fileName: string, text: string): string {
  const sourceFile = t.createSourceFile(fileName, text, t.ScriptTarget.Latest, false);
  const comments = new Map<number, number>();
  let multilineLiteral = false;
  // Leading ranges start after a line break, trailing ones before it: together, all trivia at pos.
  const collect = (pos: number) => {
    for (const range of [...(t.getTrailingCommentRanges(text, pos) ?? []), ...(t.getLeadingCommentRanges(text, pos) ?? [])]) {
      if (!text.startsWith('///', range.pos)) comments.set(range.pos, range.end);
    }
  };
  const visit = (node: ts.Node) => {
    collect(node.pos);
    if (isLiteralText(t, node) && text.slice(node.getStart(sourceFile), node.end).includes('\n')) multilineLiteral = true;
    t.forEachChild(node, visit);
    collect(node.end);
  };
  visit(sourceFile);

  let out = '';
  let from = 0;
  for (const [start, end] of [...comments].sort((a, b) => a[0] - b[0])) {
    if (start < from) continue;
    // A removed block comment must not glue two tokens together or join two lines.
    out += text.slice(from, start) + (text.slice(start, end).includes('\n') ? '\n' : ' ');
    from = end;
  }
  out += text.slice(from);
  if (multilineLiteral) return out;
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function isLiteralText(t: typeof ts, node: ts.Node): boolean {
  return t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node) || t.isTemplateHead(node) || t.isTemplateMiddle(node) || t.isTemplateTail(node);
}
