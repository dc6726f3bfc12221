/**
 * Compiles Jinja source with nunjucks' parser and code generator, changed where Jinja's semantics differ:
 * - the source is read as Jinja's lexer reads it (see jinja-source): newlines, the trailing newline, raw
 *   blocks;
 * - conditions, `not`, `and` and `or` use Python's truthiness (`[]`, `{}` and `0.0` are false);
 * - comparisons and arithmetic use Python's rules (see python-operators), and `1.0` in a template is a float;
 * - an unknown filter or test fails the compilation, wherever it is, as in Jinja 2.11;
 * - the filters named in `columnFilters` get, as first argument, the blank prefix of the column where the
 *   `{{` printing them starts, so their output can continue at that column;
 * - `{% set %}` in a loop is scoped to the iteration, as in Jinja (see jinja-scopes).
 * Slices (`name[:20]`) come from nunjucks' own Jinja compatibility layer.
 */
import { asNunjucksSource } from './jinja-source';
import { scopeLoopAssignments } from './jinja-scopes';
import { TemplateSyntaxError } from './template-errors';
import { AstNode, AstNodeList, Compiler, Frame, NodeClass, RootRenderFunction, installJinjaCompat, lexer, nodes, parser } from './nunjucks-internals';

// Jinja's slice syntax (`name[:20]`), from nunjucks' own compatibility layer.
installJinjaCompat();

export interface CompileOptions {
  /** The filters a template may use. */
  readonly filters: readonly string[];
  /** The tests a template may use after `is`. */
  readonly tests: readonly string[];
  /** Filters that receive the indentation of their `{{` as first argument. */
  readonly columnFilters: readonly string[];
  /** Why a filter name is missing from `filters`, when there is more to say than that it is unknown. */
  readonly explainUnknownFilter?: (name: string) => string | undefined;
}

export function compileJinja(source: string, name: string, options: CompileOptions): RootRenderFunction {
  const text = asNunjucksSource(source);
  const lines = text.split('\n');
  let ast: AstNodeList;
  try {
    ast = parser.parse(text, [], {});
  } catch (error) {
    throw syntaxError(error, lines.length);
  }
  scopeLoopAssignments(ast);
  const tree = rewrite(ast, { options, lines, floats: floatPositions(text), output: undefined }) as AstNodeList;
  const compiler = new JinjaCompiler(name, false);
  try {
    compiler.compile(tree);
  } catch (error) {
    throw syntaxError(error, lines.length);
  }
  // The generated code defines `root` and returns it; this is how nunjucks itself loads compiled templates.
  const load = new Function(compiler.getCode()) as () => { root: RootRenderFunction };
  return load().root;
}

/** nunjucks' errors carry a 1-based line, except at the end of the source. */
function syntaxError(error: unknown, lastLine: number): TemplateSyntaxError {
  if (error instanceof TemplateSyntaxError) return error;
  const raw = error as { message?: string; lineno?: number };
  const line = typeof raw.lineno === 'number' ? raw.lineno : lastLine;
  const message = String(raw.message ?? error).replace(/^\(.*?\)\s*(\[Line \d+, Column \d+\])?\s*/s, '');
  return new TemplateSyntaxError(message, line);
}

/** A condition evaluated with Python's truthiness. */
const Truthy = nodes.Node.extend('Truthy', { fields: ['target'] });
/** A float literal (`1.0`): nunjucks' parser reads it as a plain number, which stands for an int here. */
const FloatLiteral = nodes.Node.extend('FloatLiteral', { fields: ['value'] });

/** Where the source's float literals start (`line:column`): the parsed Literal nodes no longer tell. */
function floatPositions(text: string): Set<string> {
  const positions = new Set<string>();
  const tokens = lexer.lex(text, {});
  for (let token = tokens.nextToken(); token; token = tokens.nextToken()) {
    if (token.type === lexer.TOKEN_FLOAT) positions.add(`${token.lineno}:${token.colno}`);
  }
  return positions;
}

interface RewriteState {
  readonly options: CompileOptions;
  readonly lines: readonly string[];
  readonly floats: ReadonlySet<string>;
  /** The `{{ }}` being rewritten, for the column of column filters. */
  readonly output: AstNode | undefined;
}

/** Rewrites the tree bottom-up: children first, then the node itself. */
function rewrite(node: AstNode, state: RewriteState): AstNode {
  const inner: RewriteState = node.typename === 'Output' ? { ...state, output: node } : state;
  for (const field of node.fields) {
    const child = node[field];
    // Lists (`children`, Compare's `ops`) hold their nodes in plain arrays.
    if (Array.isArray(child)) node[field] = child.map((item) => (isNode(item) ? rewrite(item, inner) : item));
    else if (isNode(child)) node[field] = rewrite(child, inner);
  }
  return rewriteNode(node, inner);
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).typename === 'string';
}

function rewriteNode(node: AstNode, state: RewriteState): AstNode {
  const truthy = (target: unknown) => new Truthy(node.lineno, node.colno, target);
  switch (node.typename) {
    case 'If':
    case 'InlineIf':
      node.cond = truthy(node.cond);
      return node;
    case 'Not':
      node.target = truthy(node.target);
      return node;
    // Python's `a and b` is `b if a else a`, and `a or b` is `a if a else b`: values, not booleans.
    case 'And':
      return new nodes.InlineIf(node.lineno, node.colno, truthy(node.left), node.right, node.left);
    case 'Or':
      return new nodes.InlineIf(node.lineno, node.colno, truthy(node.left), node.left, node.right);
    case 'Literal':
      return typeof node.value === 'number' && state.floats.has(`${node.lineno}:${node.colno}`) ? new FloatLiteral(node.lineno, node.colno, node.value) : node;
    case 'Filter':
      return checkFilter(node, state);
    case 'Is':
      checkTest(node, state);
      return node;
    case 'Include':
    case 'Import':
    case 'FromImport':
    case 'Extends':
      throw new TemplateSyntaxError('a template cannot include, import or extend other templates: Proton renders one file', node.lineno + 1);
    default:
      return node;
  }
}

function checkFilter(node: AstNode, state: RewriteState): AstNode {
  const name = String((node.name as AstNode).value);
  if (!state.options.filters.includes(name)) {
    const why = state.options.explainUnknownFilter?.(name);
    throw new TemplateSyntaxError(`no filter named '${name}'${why ? `: ${why}` : ''}`, node.lineno + 1);
  }
  if (state.options.columnFilters.includes(name)) {
    const args = node.args as AstNodeList;
    args.children.splice(1, 0, new nodes.Literal(node.lineno, node.colno, columnOf(state)));
  }
  return node;
}

/** The blank prefix up to the column of the `{{` being printed: its characters, blanks kept, others as spaces. */
function columnOf(state: RewriteState): string {
  if (!state.output) return '';
  const line = state.lines[state.output.lineno] ?? '';
  return line.slice(0, state.output.colno).replace(/[^\t ]/g, ' ');
}

/** nunjucks parses `is none`, `is true` and `is false` as literals and looks the tests up as 'null', 'true', 'false'. */
function checkTest(node: AstNode, state: RewriteState): void {
  const right = node.right as AstNode;
  const named = right.typename === 'FunCall' ? (right.name as AstNode) : right;
  const name = named.typename === 'Literal' && named.value === null ? 'none' : String(named.value);
  if (named.typename !== 'Literal' && name === 'null') throw new TemplateSyntaxError(`no test named 'null'`, node.lineno + 1);
  if (!state.options.tests.includes(name)) throw new TemplateSyntaxError(`no test named '${name}'`, node.lineno + 1);
}

/** Operators by node type, as the runtime's Python functions name them. */
const BINARY_OPERATORS: Record<string, string> = { Add: '+', Sub: '-', Mul: '*', Div: '/', FloorDiv: '//', Mod: '%', Pow: '**' };
const COMPARE_OPERATORS: Record<string, string> = { '==': '==', '===': '==', '!=': '!=', '!==': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

/** nunjucks' code generator, emitting calls to the runtime's Python semantics instead of JavaScript operators. */
class JinjaCompiler extends Compiler {
  /** nunjucks checks the node types it finds in expressions; the two added here are expressions too. */
  assertType(node: AstNode, ...types: NodeClass[]): void {
    if ([Truthy, FloatLiteral].some((added) => node instanceof added)) return;
    super.assertType(node, ...types);
  }

  compileFloatLiteral(node: AstNode): void {
    this._emit(`runtime.pyFloat(${String(node.value)})`);
  }

  compileTruthy(node: AstNode, frame: Frame): void {
    this._emit('runtime.pyTruthy(');
    this._compileExpression(node.target as AstNode, frame);
    this._emit(')');
  }

  compileCompare(node: AstNode, frame: Frame): void {
    this._emit('runtime.pyCompareChain(');
    this._compileExpression(node.expr as AstNode, frame);
    for (const operand of node.ops as AstNode[]) {
      this._emit(`, "${COMPARE_OPERATORS[String(operand.type)]}", `);
      this._compileExpression(operand.expr as AstNode, frame);
    }
    this._emit(')');
  }

  compileAdd(node: AstNode, frame: Frame): void {
    this.emitBinary(node, frame);
  }

  compileSub(node: AstNode, frame: Frame): void {
    this.emitBinary(node, frame);
  }

  compileMul(node: AstNode, frame: Frame): void {
    this.emitBinary(node, frame);
  }

  compileDiv(node: AstNode, frame: Frame): void {
    this.emitBinary(node, frame);
  }

  compileFloorDiv(node: AstNode, frame: Frame): void {
    this.emitBinary(node, frame);
  }

  compileMod(node: AstNode, frame: Frame): void {
    this.emitBinary(node, frame);
  }

  compilePow(node: AstNode, frame: Frame): void {
    this.emitBinary(node, frame);
  }

  compileConcat(node: AstNode, frame: Frame): void {
    this.emitRuntimeCall(node, frame, 'pyConcat(', [node.left as AstNode, node.right as AstNode]);
  }

  compileNeg(node: AstNode, frame: Frame): void {
    this.emitRuntimeCall(node, frame, 'pyUnary("-", ', [node.target as AstNode]);
  }

  compilePos(node: AstNode, frame: Frame): void {
    this.emitRuntimeCall(node, frame, 'pyUnary("+", ', [node.target as AstNode]);
  }

  /** Passes the looked-up expression's source along, for the message when it is undefined. */
  compileLookupVal(node: AstNode, frame: Frame): void {
    const val = node.val as AstNode;
    const isSlice = val.typename === 'Slice';
    this._emit(`${this.atLine(node)}runtime.memberLookup((`);
    this._compileExpression(node.target as AstNode, frame);
    this._emit('),');
    this._compileExpression(val, frame);
    if (!isSlice) this._emit(`, ${JSON.stringify(describe(node.target as AstNode))}`);
    this._emit('))');
  }

  compileFilter(node: AstNode, frame: Frame): void {
    this._emit(this.atLine(node));
    super.compileFilter(node, frame);
    this._emit(')');
  }

  private emitBinary(node: AstNode, frame: Frame): void {
    this.emitRuntimeCall(node, frame, `pyBinary("${BINARY_OPERATORS[node.typename]}", `, [node.left as AstNode, node.right as AstNode]);
  }

  /** `runtime.<call>arg, arg)`, at the node's line. */
  private emitRuntimeCall(node: AstNode, frame: Frame, call: string, args: AstNode[]): void {
    this._emit(`${this.atLine(node)}runtime.${call}`);
    args.forEach((arg, i) => {
      if (i > 0) this._emit(', ');
      this._compileExpression(arg, frame);
    });
    this._emit('))');
  }

  /** Opens `(lineno = n, colno = m, ` so an error in what follows reports its line; the caller closes it. */
  private atLine(node: AstNode): string {
    return `(lineno = ${node.lineno}, colno = ${node.colno}, `;
  }
}

/** `service_instance.components.default` for the message about an undefined value. */
function describe(node: AstNode): string {
  if (node.typename === 'Symbol') return String(node.value);
  if (node.typename === 'LookupVal') {
    const val = node.val as AstNode;
    const target = describe(node.target as AstNode);
    if (val.typename === 'Literal') return typeof val.value === 'number' ? `${target}[${val.value}]` : `${target}.${String(val.value)}`;
    return `${target}[...]`;
  }
  return 'the expression';
}
