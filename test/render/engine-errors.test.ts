import { JinjaTemplate, TemplateFailure, TemplateSyntaxError } from '../../render/engine';

const NO_EXTRA = { names: [], columnFilters: [] };

function compile(source: string): JinjaTemplate {
  return JinjaTemplate.compile(source, 'template.yaml', NO_EXTRA);
}

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('engine errors', () => {
  it('refuses an unknown filter by name when compiling', () => {
    expect(() => compile('a\n{{ x | shout }}')).toThrow("no filter named 'shout'");
  });

  it('refuses an unknown filter even in a branch that never runs, as Jinja 2.11 does', () => {
    expect(() => compile('{% if false %}{{ x | shout }}{% endif %}')).toThrow(TemplateSyntaxError);
  });

  it('gives the line of an unknown filter', () => {
    expect((failure(() => compile('a\nb\n{{ x | shout }}')) as TemplateSyntaxError).line).toBe(3);
  });

  it('says when an unknown filter is a Jinja built-in it does not reproduce', () => {
    expect(() => compile('{{ x | indent(4) }}')).toThrow("no filter named 'indent': it is a Jinja built-in this renderer does not reproduce");
  });

  it('refuses an unknown test by name', () => {
    expect(() => compile('{{ x is shouting }}')).toThrow("no test named 'shouting'");
  });

  it('reports a syntax error with its line', () => {
    const error = failure(() => compile('a\n{% if x %}\nb')) as TemplateSyntaxError;
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect(error.line).toBe(3);
  });

  it('reports a raw block without its end', () => {
    expect(() => compile('a\n{% raw %}{{resolve:ssm:x}}')).toThrow('a raw block has no {% endraw %}');
  });

  it('fails on an attribute of an undefined value, naming the value', () => {
    expect(() => compile('{{ environment.outputs.Vpc }}').render({}, {})).toThrow("UndefinedError: 'environment' is undefined");
  });

  it('gives the line of a failure while rendering', () => {
    const error = failure(() => compile('a\n\n{{ service.outputs.x }}').render({ service: {} }, {})) as TemplateFailure;
    expect(error).toBeInstanceOf(TemplateFailure);
    expect(error.message).toBe("UndefinedError: 'service.outputs' is undefined");
    expect(error.line).toBe(3);
  });

  it('refuses an include, since Proton rendered one file', () => {
    expect(() => compile("{% include 'other.yaml' %}")).toThrow('a template cannot include, import or extend other templates');
  });

  it('fails on arithmetic with an undefined value', () => {
    expect(() => compile('{{ nope + 1 }}').render({}, {})).toThrow('UndefinedError');
  });

  it('fails on comparing a string with a number, as Python does', () => {
    expect(() => compile("{{ 'a' < 1 }}").render({}, {})).toThrow("TypeError: '<' not supported between instances of 'str' and 'int'");
  });
});
