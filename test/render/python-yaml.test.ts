import { parsePythonYaml } from '../../render/python-yaml';
import { PyFloat } from '../../render/python-values';
import { RenderError } from '../../render/render-error';

const parse = (text: string) => parsePythonYaml(text, 'file.yaml');

describe('parsePythonYaml', () => {
  it('keeps a float apart from an int', () => {
    expect(parse('[1, 1.0]')).toEqual([1, new PyFloat(1)]);
  });

  it('reads YAML 1.1 booleans such as yes and off', () => {
    expect(parse('[yes, off, On]')).toEqual([true, false, true]);
  });

  it('reads y and n as strings, as PyYAML does', () => {
    expect(parse('[y, n]')).toEqual(['y', 'n']);
  });

  it('reads a leading zero as octal', () => {
    expect(parse('0777')).toBe(511);
  });

  it('reads base 60 numbers', () => {
    expect(parse('1:30')).toBe(90);
  });

  it('reads a float without a dot as a string, as PyYAML does', () => {
    expect(parse('1e3')).toBe('1e3');
  });

  it('keeps timestamps as strings', () => {
    expect(parse('2024-01-31')).toBe('2024-01-31');
  });

  it('converts an explicitly tagged float', () => {
    expect(parse('!!float 3')).toEqual(new PyFloat(3));
  });

  it('resolves merge keys', () => {
    expect(parse('a: &a { x: 1 }\nb: { <<: *a, y: 2 }')).toEqual({ a: { x: 1 }, b: { x: 1, y: 2 } });
  });

  it('names the file when the text is not YAML', () => {
    expect(() => parse('a: [')).toThrow(RenderError);
    expect(() => parse('a: [')).toThrow(/^file\.yaml: not valid YAML/);
  });
});
