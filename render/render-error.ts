/**
 * Why a template could not be rendered. The message starts with the file it is about (the bundle's
 * template or schema, or the spec) and, for an input, names the input and the rule it breaks.
 */
export class RenderError extends Error {
  constructor(
    /** The file the problem is in, as the caller named it. */
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'RenderError';
  }
}
