import { PyFloat } from '../../render/python-values';
import { RenderError } from '../../render/render-error';
import { fillDefaults, inputTypeOf, parseSchema, readSchema, resolveRef } from '../../render/schema';
import { TemplateKind } from '../../render/template-kind';

const SERVICE = TemplateKind.SERVICE_INSTANCE;

/** A schema whose service input type has these properties (YAML, indented by 8). */
function schemaWith(properties: string, types = ''): ReturnType<typeof parseSchema> {
  const text = `schema:\n  format:\n    openapi: "3.0.0"\n  service_input_type: In\n  types:\n    In:\n      type: object\n      properties:\n${properties}${types}`;
  return parseSchema(text, 'schema/schema.yaml');
}

describe('parseSchema', () => {
  it('finds the input type of each kind the schema declares', () => {
    const schema = parseSchema('schema:\n  format: { openapi: "3.0.0" }\n  service_input_type: S\n  pipeline_input_type: P\n  types:\n    S: { type: object }\n    P: { type: object }\n', 's.yaml');
    expect(schema.inputTypes).toEqual({ [SERVICE]: 'S', [TemplateKind.PIPELINE]: 'P' });
  });

  it('has no input type for a kind the schema does not declare', () => {
    expect(inputTypeOf(schemaWith('        a: { type: string }\n'), TemplateKind.ENVIRONMENT)).toBeUndefined();
  });

  it('requires the OpenAPI format header', () => {
    expect(() => readSchema({ schema: { types: {} } }, 's.yaml')).toThrow('s.yaml: must declare `schema.format.openapi: "3.0.0"`');
  });

  it('requires an input type name to be one of the types', () => {
    expect(() => readSchema({ schema: { format: { openapi: '3.0.0' }, service_input_type: 'Missing', types: { In: {} } } }, 's.yaml')).toThrow(
      '`service_input_type` must name one of the types under `schema.types` (In)',
    );
  });

  it('reads a schema parsed by another YAML parser', () => {
    expect(readSchema({ schema: { format: { openapi: '3.0.0' }, service_input_type: 'In', types: { In: { type: 'object' } } } }, 's').types.In).toEqual({ type: 'object' });
  });
});

describe('resolveRef', () => {
  it('follows a reference into the types', () => {
    const schema = schemaWith('        a: { $ref: "#/types/A" }\n', '    A: { type: string }\n');
    expect(resolveRef(schema, { $ref: '#/types/A' })).toEqual({ type: 'string' });
  });

  it('refuses a reference outside the types', () => {
    expect(() => resolveRef(schemaWith(''), { $ref: '#/components/schemas/A' })).toThrow(RenderError);
  });
});

describe('fillDefaults', () => {
  it('fills the inputs the spec leaves out', () => {
    expect(fillDefaults(schemaWith('        port: { type: number, default: 80 }\n'), SERVICE, {})).toEqual({ port: 80 });
  });

  it('keeps the inputs the spec gives', () => {
    expect(fillDefaults(schemaWith('        port: { type: number, default: 80 }\n'), SERVICE, { port: 8080 })).toEqual({ port: 8080 });
  });

  it('keeps a null input instead of filling the default', () => {
    expect(fillDefaults(schemaWith('        path: { type: string, default: "/" }\n'), SERVICE, { path: null })).toEqual({ path: null });
  });

  it('keeps inputs the schema does not declare', () => {
    expect(fillDefaults(schemaWith('        a: { type: string }\n'), SERVICE, { extra: 1 })).toEqual({ extra: 1 });
  });

  it('fills the properties of a nested object the spec gives', () => {
    const schema = schemaWith('        db:\n          type: object\n          properties:\n            size: { type: integer, default: 20 }\n');
    expect(fillDefaults(schema, SERVICE, { db: { engine: 'pg' } })).toEqual({ db: { size: 20, engine: 'pg' } });
  });

  it('fills the properties of a nested object that comes from a default', () => {
    const schema = schemaWith('        db: { $ref: "#/types/Db" }\n', '    Db:\n      type: object\n      default: {}\n      properties:\n        size: { type: integer, default: 20 }\n');
    expect(fillDefaults(schema, SERVICE, {})).toEqual({ db: { size: 20 } });
  });

  it('does not create a nested object that neither the spec nor a default gives', () => {
    const schema = schemaWith('        db:\n          type: object\n          properties:\n            size: { type: integer, default: 20 }\n');
    expect(fillDefaults(schema, SERVICE, {})).toEqual({});
  });

  it('fills the objects of a list', () => {
    const schema = schemaWith('        rules:\n          type: array\n          items:\n            type: object\n            properties:\n              port: { type: integer, default: 443 }\n');
    expect(fillDefaults(schema, SERVICE, { rules: [{}, { port: 80 }] })).toEqual({ rules: [{ port: 443 }, { port: 80 }] });
  });

  it('orders keys as Python does for defaults | inputs', () => {
    const schema = schemaWith('        a: { type: string }\n        b: { type: string, default: x }\n        c: { type: string, default: y }\n');
    expect(Object.keys(fillDefaults(schema, SERVICE, { z: '1', a: '2', c: '3' }))).toEqual(['b', 'c', 'z', 'a']);
  });

  it('keeps a float default a float', () => {
    expect(fillDefaults(schemaWith('        share: { type: number, default: 1.0 }\n'), SERVICE, {})).toEqual({ share: new PyFloat(1) });
  });

  it('hands out a fresh copy of a list default each time', () => {
    const schema = schemaWith('        l: { type: array, default: [a] }\n');
    const first = fillDefaults(schema, SERVICE, {});
    (first.l as string[]).push('b');
    expect(fillDefaults(schema, SERVICE, {})).toEqual({ l: ['a'] });
  });
});
