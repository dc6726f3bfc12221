import { SpecDifference } from '../lambda/spec';

/** What a preview shows instead of a value that may be a secret. */
export const MASK = '****';

/** Words that name a secret on their own; a trailing plural `s` is ignored (`keys`, `creds`). */
const SECRET_WORDS: ReadonlySet<string> = new Set(['key', 'auth', 'pwd', 'dsn', 'cred', 'private']);
/** Longer names that mark a secret anywhere in a key (`dbPassword`, `client_secret`, `SESSION_TOKEN`). */
const SECRET_PARTS = ['password', 'passwd', 'passphrase', 'secret', 'credential', 'token', 'apikey', 'authorization', 'connectionstring', 'connstr'];

/**
 * True when any key of a spec path (`spec.db.password`, `spec.api_keys[0]`) is named like a secret.
 * Keys are split into words (snake_case, kebab-case, camelCase), so `monkey` or `keyboard` is no key.
 */
export function looksSecret(path: string): boolean {
  return path.split('.').some(keyLooksSecret);
}

function keyLooksSecret(key: string): boolean {
  const words = key
    .replace(/\[\d+\]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  const joined = words.join('');
  return words.some((word) => SECRET_WORDS.has(word.replace(/s$/, ''))) || SECRET_PARTS.some((part) => joined.includes(part));
}

/**
 * The difference with every value under a secret-looking key replaced by {@link MASK}, on both sides
 * and inside maps and lists. An absent value stays absent: that a key is added reveals no secret.
 */
export function maskDifference(difference: SpecDifference): SpecDifference {
  return {
    path: difference.path,
    current: maskValue(difference.current, difference.path),
    desired: maskValue(difference.desired, difference.path),
  };
}

function maskValue(value: unknown, path: string): unknown {
  if (value === undefined) return undefined;
  if (looksSecret(path)) return MASK;
  if (Array.isArray(value)) return value.map((item, i) => maskValue(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskValue(item, `${path}.${key}`)]));
  }
  return value;
}
