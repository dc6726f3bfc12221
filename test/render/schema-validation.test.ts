import { parseSchema } from '../../render/schema';
import { InputProblem, validateInputs } from '../../render/schema-validation';
import { PyFloat, PyDict } from '../../render/python-values';
import { TemplateKind } from '../../render/template-kind';

/** The problems of `inputs` against a service input type with these properties (YAML, indented by 8). */
function problems(properties: string, inputs: PyDict, extra = ''): InputProblem[] {
  const text = `schema:\n  format:\n    openapi: "3.0.0"\n  service_input_type: In\n  types:\n    In:\n      type: object\n${extra}      properties:\n${properties}`;
  return validateInputs(parseSchema(text, 'schema.yaml'), TemplateKind.SERVICE_INSTANCE, inputs);
}

const only = (list: InputProblem[]) => {
  expect(list).toHaveLength(1);
  return list[0];
};

describe('validateInputs', () => {
  it('accepts valid inputs', () => {
    expect(problems('        port: { type: integer, minimum: 1 }\n', { port: 80 })).toEqual([]);
  });

  it('names the input and the type it breaks', () => {
    expect(only(problems('        port: { type: number }\n', { port: '80' }))).toEqual({
      input: 'port',
      rule: 'type',
      limit: ['number'],
      message: "input port ('80') breaks type: it must be a number",
    });
  });

  it('names the input and the enum it breaks', () => {
    expect(only(problems('        size: { type: string, enum: [small, large] }\n', { size: 'huge' }))).toMatchObject({ input: 'size', rule: 'enum', limit: ['small', 'large'] });
  });

  it('names the input and the pattern it breaks', () => {
    expect(only(problems('        name: { type: string, pattern: "^[a-z]+$" }\n', { name: 'Web' }))).toMatchObject({ input: 'name', rule: 'pattern', limit: '^[a-z]+$' });
  });

  it('names the input and the minimum it breaks', () => {
    expect(only(problems('        port: { type: number, minimum: 1 }\n', { port: 0 }))).toMatchObject({ input: 'port', rule: 'minimum', limit: 1 });
  });

  it('names the input and the maximum it breaks', () => {
    expect(only(problems('        port: { type: number, maximum: 65535 }\n', { port: 70000 }))).toMatchObject({
      input: 'port',
      rule: 'maximum',
      limit: 65535,
      message: 'input port (70000) breaks maximum: it must be at most 65535',
    });
  });

  it('names the exclusive minimum an input breaks (OpenAPI 3.0 boolean form)', () => {
    expect(only(problems('        share: { type: number, minimum: 0, exclusiveMinimum: true }\n', { share: new PyFloat(0) }))).toMatchObject({
      input: 'share',
      rule: 'exclusiveMinimum',
      limit: 0,
    });
  });

  it('names the exclusive maximum an input breaks (OpenAPI 3.0 boolean form)', () => {
    expect(only(problems('        t: { type: integer, maximum: 900, exclusiveMaximum: true }\n', { t: 900 }))).toMatchObject({ input: 't', rule: 'exclusiveMaximum', limit: 900 });
  });

  it('names the input and the minLength it breaks', () => {
    expect(only(problems('        name: { type: string, minLength: 3 }\n', { name: 'ab' }))).toMatchObject({ input: 'name', rule: 'minLength', limit: 3 });
  });

  it('names the input and the maxLength it breaks', () => {
    expect(only(problems('        name: { type: string, maxLength: 3 }\n', { name: 'abcd' }))).toMatchObject({ input: 'name', rule: 'maxLength', limit: 3 });
  });

  it('names a required input that is missing', () => {
    expect(only(problems('        name: { type: string }\n', {}, '      required: [name]\n'))).toMatchObject({
      input: 'name',
      rule: 'required',
      message: 'input name is required by the schema and has no default',
    });
  });

  it('names the list input and the minItems it breaks', () => {
    expect(only(problems('        l: { type: array, minItems: 1 }\n', { l: [] }))).toMatchObject({ input: 'l', rule: 'minItems', limit: 1 });
  });

  it('names the list input and the maxItems it breaks', () => {
    expect(only(problems('        l: { type: array, maxItems: 1 }\n', { l: [1, 2] }))).toMatchObject({ input: 'l', rule: 'maxItems', limit: 1 });
  });

  it('names the list input whose items repeat (uniqueItems)', () => {
    expect(only(problems('        l: { type: array, uniqueItems: true }\n', { l: ['a', 'a'] }))).toMatchObject({ input: 'l', rule: 'uniqueItems' });
  });

  it('names the input and the multipleOf it breaks', () => {
    expect(only(problems('        n: { type: integer, multipleOf: 5 }\n', { n: 7 }))).toMatchObject({ input: 'n', rule: 'multipleOf', limit: 5 });
  });

  it('names an input that the type does not allow (additionalProperties: false)', () => {
    expect(only(problems('        a: { type: string }\n', { b: 'x' }, '      additionalProperties: false\n'))).toMatchObject({ input: 'b', rule: 'additionalProperties' });
  });

  it('gives the dotted path of a nested input', () => {
    expect(only(problems('        db:\n          type: object\n          properties:\n            size: { type: integer, maximum: 100 }\n', { db: { size: 500 } }))).toMatchObject({ input: 'db.size', rule: 'maximum' });
  });

  it('gives the index of a list item', () => {
    expect(only(problems('        l: { type: array, items: { type: string, pattern: "^a" } }\n', { l: ['a', 'b'] }))).toMatchObject({ input: 'l[1]', rule: 'pattern' });
  });

  it('follows a reference into the types', () => {
    const properties = '        db: { $ref: "#/types/Db" }\n    Db:\n      type: object\n      properties:\n        size: { type: integer }\n';
    expect(only(problems(properties, { db: { size: 'big' } }))).toMatchObject({ input: 'db.size', rule: 'type' });
  });

  it('rejects null where the schema does not say nullable', () => {
    expect(only(problems('        path: { type: string }\n', { path: null }))).toMatchObject({ input: 'path', rule: 'type' });
  });

  it('accepts null where the schema says nullable: true', () => {
    expect(problems('        path: { type: string, nullable: true, enum: [a, b] }\n', { path: null })).toEqual([]);
  });

  it('does not check formats, which OpenAPI treats as hints', () => {
    expect(problems('        when: { type: string, format: date-time }\n', { when: 'not a date' })).toEqual([]);
  });

  it('treats a whole float as an integer, as JSON Schema does since draft 06', () => {
    expect(problems('        n: { type: integer }\n', { n: new PyFloat(2) })).toEqual([]);
  });
});
