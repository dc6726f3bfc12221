/**
 * A Jinja template as Python's `jinja2.Environment()` with its defaults renders it (Proton's engine): no
 * autoescaping, no trim_blocks or lstrip_blocks, one trailing newline of the source dropped, Undefined
 * printing as nothing, values printed as Python prints them. nunjucks parses and generates the code;
 * jinja-compiler and jinja-runtime bend it to Jinja's semantics.
 */
import { JINJA_FILTERS, JINJA_TESTS, Test, UNREPRODUCED_JINJA_FILTERS } from './jinja-builtins';
import { CompileOptions, compileJinja } from './jinja-compiler';
import { JinjaContext, jinjaRuntime } from './jinja-runtime';
import { RootRenderFunction } from './nunjucks-internals';
import { PythonError } from './python-operators';
import { Filter } from './filters';
import { PyDict } from './python-values';

export { TemplateFailure, TemplateSyntaxError } from './template-errors';

/** Filters a template may use beyond Jinja's built-ins. */
export interface ExtraFilters {
  /** Their names: a template using any other filter fails to compile. */
  readonly names: readonly string[];
  /** Those that receive the indentation of their `{{` as first argument. */
  readonly columnFilters: readonly string[];
}

/** Jinja's global functions that templates loop with; the others (dict, cycler, joiner, lipsum) read as undefined. */
const GLOBALS: PyDict = { range: pyRange };

/** Python's range(stop) and range(start, stop[, step]), as a list. */
function pyRange(...args: unknown[]): number[] {
  const [start, stop, step = 1] = (args.length === 1 ? [0, args[0]] : args).map(Number);
  if (step === 0) throw new PythonError('ValueError', 'range() arg 3 must not be zero');
  const values: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) values.push(i);
  return values;
}

const TESTS: Readonly<Record<string, Test>> = { ...JINJA_TESTS, null: JINJA_TESTS.none };

export class JinjaTemplate {
  /** Compiles the source; a syntax error, unknown filter or unknown test throws TemplateSyntaxError. */
  static compile(source: string, name: string, extra: ExtraFilters): JinjaTemplate {
    const options: CompileOptions = {
      filters: [...Object.keys(JINJA_FILTERS), ...extra.names],
      tests: Object.keys(JINJA_TESTS),
      columnFilters: extra.columnFilters,
      explainUnknownFilter: (filter) =>
        UNREPRODUCED_JINJA_FILTERS.includes(filter) ? 'it is a Jinja built-in this renderer does not reproduce' : undefined,
    };
    return new JinjaTemplate(compileJinja(source, name, options));
  }

  private constructor(private readonly root: RootRenderFunction) {}

  /** Renders with these variables; `filters` implements ExtraFilters' names. Failures throw TemplateFailure. */
  render(variables: PyDict, filters: Readonly<Record<string, Filter>>): string {
    const table: Readonly<Record<string, Filter>> = { ...JINJA_FILTERS, ...filters };
    const env = {
      opts: { autoescape: false },
      getFilter: (name: string) => table[name],
      getTest: (name: string) => TESTS[name],
    };
    const frame = new jinjaRuntime.Frame();
    frame.topLevel = true;
    let output: string | undefined;
    let failure: Error | undefined;
    this.root(env, new JinjaContext({ ...variables }, GLOBALS), frame, jinjaRuntime, (error, result) => {
      failure = error ?? undefined;
      output = result;
    });
    if (failure) throw failure;
    return output ?? '';
  }
}
