import { differences, parseServiceSpec } from '../../lambda/spec';

describe('differences', () => {
  it('treats a number and the same number quoted as equal', () => {
    expect(differences({ port: 80 }, { port: '80' }, 'spec')).toEqual([]);
  });

  it('reports a value that changed type in a way that changes its text', () => {
    expect(differences({ on: true }, { on: 'yes' }, 'spec')).toEqual([{ path: 'spec.on', current: true, desired: 'yes' }]);
  });

  it('reports a list that changed length as one difference', () => {
    expect(differences(['a'], ['a', 'b'], 'spec.l')).toHaveLength(1);
  });

  it('compares null and a missing key as different', () => {
    expect(differences({}, { k: null }, 'spec')).toEqual([{ path: 'spec.k', current: undefined, desired: null }]);
  });
});

describe('parseServiceSpec', () => {
  it('rejects text that is not YAML', () => {
    expect(() => parseServiceSpec('a: [', 'the spec')).toThrow(/the spec is not valid YAML/);
  });

  it('rejects YAML that is not a mapping', () => {
    expect(() => parseServiceSpec('- a', 'the spec')).toThrow('the spec must be a YAML mapping');
  });

  it('resolves anchors and merge keys', () => {
    expect(parseServiceSpec('base: &b { port: 1 }\nx: { <<: *b, y: 2 }', 's')).toEqual({ base: { port: 1 }, x: { port: 1, y: 2 } });
  });
});
