/** The template cannot be compiled: a syntax error, or a filter or test that does not exist. */
export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    /** The template line (1-based). */
    readonly line: number,
  ) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

/** Rendering failed: an undefined value used, a filter refusing its value, a Python error. */
export class TemplateFailure extends Error {
  constructor(
    message: string,
    /** The template line (1-based) of the last lookup, call or filter started. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'TemplateFailure';
  }
}
