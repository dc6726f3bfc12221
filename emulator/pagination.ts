import { validationError } from './errors';

/** Proton's list calls return at most this many items when maxResults is not given. */
const DEFAULT_PAGE_SIZE = 100;

/** One page of `items`; the token is the base64 offset of the next page. */
export function paginate<T>(items: T[], maxResults?: number, nextToken?: string): { page: T[]; nextToken?: string } {
  const start = nextToken === undefined ? 0 : decodeToken(nextToken);
  const end = start + (maxResults ?? DEFAULT_PAGE_SIZE);
  return {
    page: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(`offset:${end}`).toString('base64') : undefined,
  };
}

function decodeToken(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match) {
    throw validationError('The nextToken is not valid');
  }
  return Number(match[1]);
}
