import { MASK, looksSecret, maskDifference } from '../../cli/mask';

describe('looksSecret', () => {
  it.each([
    'spec.db_password',
    'spec.dbPassword',
    'spec.DB_PASSWORD',
    'spec.client_secret',
    'spec.SessionToken',
    'spec.api_key',
    'spec.apiKey',
    'spec.APIKEY',
    'spec.ssh_keys[0]',
    'spec.credentials.user',
    'spec.private_key',
    'spec.connection_string',
    'spec.connectionString',
    'spec.sentry_dsn',
    'spec.auth_header',
    'spec.passphrase',
  ])('masks %s', (path) => {
    expect(looksSecret(path)).toBe(true);
  });

  it.each(['spec.desired_count', 'spec.port', 'spec.image', 'spec.keyboard_layout', 'spec.monkey', 'spec.author', 'environment'])(
    'shows %s',
    (path) => {
      expect(looksSecret(path)).toBe(false);
    },
  );
});

describe('maskDifference', () => {
  it('masks both sides of a secret-looking key', () => {
    expect(maskDifference({ path: 'spec.db_password', current: 'old-secret', desired: 'new-secret' })).toEqual({
      path: 'spec.db_password',
      current: MASK,
      desired: MASK,
    });
  });

  it('keeps an absent side absent, since adding a key reveals no value', () => {
    expect(maskDifference({ path: 'spec.api_token', current: undefined, desired: 's3cr3t' })).toEqual({
      path: 'spec.api_token',
      current: undefined,
      desired: MASK,
    });
  });

  it('masks secret keys inside a map or list that differs as a whole, and keeps the rest', () => {
    const desired = { port: 8080, db: { host: 'db.internal', password: 'hunter2' }, tokens: ['a', 'b'] };
    expect(maskDifference({ path: 'spec', current: undefined, desired }).desired).toEqual({
      port: 8080,
      db: { host: 'db.internal', password: MASK },
      tokens: MASK,
    });
  });

  it('leaves ordinary values as they are', () => {
    const difference = { path: 'spec.desired_count', current: 3, desired: 5 };
    expect(maskDifference(difference)).toEqual(difference);
  });
});
