/**
 * The parts of nunjucks below its public API that the Jinja emulation drives: the parser, the compiler, the
 * AST nodes and the runtime. @types/nunjucks types only the public API, so they are typed here, as far as
 * this code uses them. nunjucks is bundled privately into the shipped files, so its version is pinned with them.
 * They are loaded one by one: nunjucks' index would also load its file loaders, which reach for chokidar (to
 * watch files), and the renderer reads its files itself.
 */

/** An AST node. `fields` names the properties that hold its children. */
export interface AstNode {
  readonly typename: string;
  readonly fields: readonly string[];
  lineno: number;
  colno: number;
  [field: string]: unknown;
}

export interface AstNodeList extends AstNode {
  children: AstNode[];
}

export type NodeClass = new (lineno: number, colno: number, ...fields: unknown[]) => AstNode;

export interface NodeClasses {
  Node: NodeClass & { extend(name: string, props: { fields: string[] }): NodeClass };
  NodeList: NodeClass;
  Literal: NodeClass;
  Symbol: NodeClass;
  InlineIf: NodeClass;
  Set: NodeClass;
  Output: NodeClass;
  KeywordArgs: NodeClass;
}

/** A compiled frame of template variables (nunjucks' scopes). */
export interface Frame {
  lookup(name: string): unknown;
}

export interface CompilerInstance {
  compile(node: AstNode, frame?: Frame): void;
  getCode(): string;
  _emit(code: string): void;
  _compileExpression(node: AstNode, frame: Frame): void;
  assertType(node: AstNode, ...types: NodeClass[]): void;
  compileFilter(node: AstNode, frame: Frame): void;
}

export type CompilerClass = new (templateName: string, throwOnUndefined: boolean) => CompilerInstance;

/** What the compiled code calls `runtime`: nunjucks' functions, some replaced for Jinja's semantics. */
export type Runtime = Record<string, unknown> & { Frame: new () => Frame & { topLevel: boolean } };

/** The compiled template's entry point. */
export type RootRenderFunction = (
  env: unknown,
  context: unknown,
  frame: Frame,
  runtime: Runtime,
  callback: (error: Error | null, output?: string) => void,
) => void;

export interface Token {
  readonly type: string;
  readonly lineno: number;
  readonly colno: number;
}

interface Internals {
  lexer: { lex(source: string, options: object): { nextToken(): Token | null }; TOKEN_FLOAT: string };
  parser: { parse(source: string, extensions: unknown[], options: object): AstNodeList };
  compiler: { Compiler: CompilerClass };
  nodes: NodeClasses;
  runtime: Runtime;
}

const internals: Internals = {
  lexer: require('nunjucks/src/lexer'),
  parser: require('nunjucks/src/parser'),
  compiler: require('nunjucks/src/compiler'),
  nodes: require('nunjucks/src/nodes'),
  runtime: require('nunjucks/src/runtime'),
};

export const { lexer, parser, nodes, runtime } = internals;
export const { Compiler } = internals.compiler;

/**
 * nunjucks' own Jinja compatibility layer (slices, and Python-like lookups on its global runtime, which the
 * renderer does not use: it hands compiled templates its own runtime). It works on the parts it is given as
 * `this`, as nunjucks' index would give them.
 */
export function installJinjaCompat(): void {
  (require('nunjucks/src/jinja-compat') as (this: object) => void).call({ ...internals, lib: require('nunjucks/src/lib') });
}
