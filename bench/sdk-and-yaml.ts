// A baseline of the cold-start figure: the SDK alone (sdk-only.ts) with yaml's parser, which every
// request uses, so the figure can tell what yaml adds from what the handler's own code adds.
import { parse } from 'yaml';

export { handler } from './sdk-only';

export const parseSpec = (text: string): unknown => parse(text);
