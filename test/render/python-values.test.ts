import { toJson } from '../../render/python-json';
import { PyFloat, formatFloat, pyRepr, pyStr, pyTruthy, reprString, toPlainValue } from '../../render/python-values';

describe('pyStr', () => {
  it('prints an int in full', () => {
    expect(pyStr(512)).toBe('512');
  });

  it('prints an int beyond JavaScript exponent notation in full', () => {
    expect(pyStr(1e21)).toBe('1000000000000000000000');
  });

  it('prints a float with a fraction as it is', () => {
    expect(pyStr(new PyFloat(1.5))).toBe('1.5');
  });

  it('prints a whole float with .0', () => {
    expect(pyStr(new PyFloat(80))).toBe('80.0');
  });

  it('prints booleans capitalized', () => {
    expect([pyStr(true), pyStr(false)]).toEqual(['True', 'False']);
  });

  it('prints null as None', () => {
    expect(pyStr(null)).toBe('None');
  });

  it('prints undefined as nothing', () => {
    expect(pyStr(undefined)).toBe('');
  });

  it('prints a list as Python repr', () => {
    expect(pyStr(['a', 1, true, null, new PyFloat(2)])).toBe("['a', 1, True, None, 2.0]");
  });

  it('prints a dict as Python repr in insertion order', () => {
    expect(pyStr({ k: 'v', a: [1] })).toBe("{'k': 'v', 'a': [1]}");
  });

  it('prints a string whole, without quotes', () => {
    expect(pyStr("it's")).toBe("it's");
  });
});

describe('formatFloat', () => {
  it.each([
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [9999999999999998, '9999999999999998.0'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [0.1 + 0.2, '0.30000000000000004'],
    [-0, '-0.0'],
    [Infinity, 'inf'],
    [NaN, 'nan'],
    [123.456, '123.456'],
    [1e100, '1e+100'],
  ])('formats %p as Python does: %s', (value, expected) => {
    expect(formatFloat(value)).toBe(expected);
  });
});

describe('reprString', () => {
  it('uses single quotes by default', () => {
    expect(reprString('a')).toBe("'a'");
  });

  it('switches to double quotes for a single quote alone', () => {
    expect(reprString("it's")).toBe('"it\'s"');
  });

  it('escapes a single quote when both quotes appear', () => {
    expect(reprString('both \' and "')).toBe("'both \\' and \"'");
  });

  it('escapes control characters and non-printable spaces', () => {
    expect(reprString('a\tb\n\x00\xa0')).toBe("'a\\tb\\n\\x00\\xa0'");
  });

  it('keeps printable non-ASCII characters', () => {
    expect(reprString('é日😀')).toBe("'é日😀'");
  });
});

describe('pyTruthy', () => {
  it('treats empty lists and dicts as false', () => {
    expect([pyTruthy([]), pyTruthy({})]).toEqual([false, false]);
  });

  it('treats a zero float as false', () => {
    expect(pyTruthy(new PyFloat(0))).toBe(false);
  });

  it('treats undefined and None as false', () => {
    expect([pyTruthy(undefined), pyTruthy(null)]).toEqual([false, false]);
  });
});

describe('toJson', () => {
  it('sorts keys and uses Python separators', () => {
    expect(toJson({ b: 1, a: [true, null] })).toBe('{"a": [true, null], "b": 1}');
  });

  it('escapes HTML characters', () => {
    expect(toJson("<a href='x'>&</a>")).toBe('"\\u003ca href=\\u0027x\\u0027\\u003e\\u0026\\u003c/a\\u003e"');
  });

  it('escapes non-ASCII characters as UTF-16 units', () => {
    expect(toJson('é😀')).toBe('"\\u00e9\\ud83d\\ude00"');
  });

  it('prints floats as Python floats', () => {
    expect(toJson([new PyFloat(1), new PyFloat(NaN)])).toBe('[1.0, NaN]');
  });

  it('indents like json.dumps', () => {
    expect(toJson({ a: [1] }, 2)).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});

describe('toPlainValue', () => {
  it('turns floats into numbers at every depth', () => {
    expect(toPlainValue({ a: [new PyFloat(1.5)] })).toEqual({ a: [1.5] });
  });
});

describe('pyRepr', () => {
  it('prints nested empty containers', () => {
    expect(pyRepr([[], {}])).toBe('[[], {}]');
  });
});
