/**
 * Jinja's scoping of `{% set %}` inside a for loop: the assignment holds for the rest of that iteration
 * only; each iteration starts from the value outside the loop, and the value outside never changes.
 * nunjucks compiles a variable to one JavaScript variable for the whole template, so a set in a loop
 * leaks out and into the next iteration. The tree is rewritten so that each loop assigns its own
 * variable (`c` becomes `__scoped_1_c`), set at the start of each iteration from the outer `c`.
 */
import { AstNode, AstNodeList, nodes } from './nunjucks-internals';

export function scopeLoopAssignments(root: AstNode): void {
  let counter = 0;
  const visit = (node: AstNode) => {
    if (node.typename === 'For') {
      const body = node.body as AstNodeList;
      const renames = new Map([...assignedNames(body)].map((name) => [name, `__scoped_${++counter}_${name}`]));
      if (renames.size > 0) {
        rename(body, renames);
        const starts = [...renames].map(([outer, inner]) => new nodes.Set(body.lineno, body.colno, [new nodes.Symbol(body.lineno, body.colno, inner)], new nodes.Symbol(body.lineno, body.colno, outer)));
        body.children.unshift(...starts);
      }
    }
    children(node).forEach(visit);
  };
  visit(root);
}

/** The names a loop body assigns, nested loops and macros (scopes of their own) left out. */
function assignedNames(node: AstNode, names = new Set<string>()): Set<string> {
  if (node.typename === 'Set') {
    for (const target of node.targets as AstNode[]) names.add(String(target.value));
  }
  for (const child of children(node)) {
    if (child.typename !== 'For' && child.typename !== 'Macro') assignedNames(child, names);
  }
  return names;
}

/** Renames the variables read or assigned: symbols, except filter and test names and keyword or dict keys. */
function rename(node: AstNode, renames: ReadonlyMap<string, string>): void {
  if (node.typename === 'Symbol' && renames.has(String(node.value))) {
    node.value = renames.get(String(node.value));
    return;
  }
  for (const field of node.fields) {
    if (isName(node, field)) continue;
    const value = node[field];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child)) rename(child, renames);
    }
  }
}

/** Fields whose symbols are names of something other than a variable. */
function isName(node: AstNode, field: string): boolean {
  return (node.typename === 'Filter' && field === 'name') || (node.typename === 'Is' && field === 'right') || (node.typename === 'Pair' && field === 'key');
}

function children(node: AstNode): AstNode[] {
  return node.fields.flatMap((field) => {
    const value = node[field];
    return (Array.isArray(value) ? value : [value]).filter(isNode);
  });
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).typename === 'string';
}
