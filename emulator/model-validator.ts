import { serializationError, validationError } from './errors';
import { Shape, ServiceModel } from './model';

/**
 * Checks a value against a shape of the model the way AWS's front end does: required members,
 * lengths, ranges, patterns and enums, through nested structures, lists and maps. Members the
 * model does not know are ignored, as AWS ignores them in JSON. The messages follow AWS's wording:
 * `1 validation error detected: Value 'x!' at 'name' failed to satisfy constraint: ...`.
 */
export class ModelValidator {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly model: ServiceModel) {}

  /**
   * Throws ValidationException when `input` breaks the operation's input shape, or
   * SerializationException when a member has the wrong JSON type.
   */
  validateInput(operation: string, input: unknown): void {
    const shapeName = this.model.operations[operation]?.input?.shape;
    if (shapeName) {
      this.assertValid(shapeName, input);
    }
  }

  /** Same check for any named shape; used on the emulator's own outputs. */
  assertValid(shapeName: string, value: unknown): void {
    const violations = this.violations(shapeName, value);
    if (violations.length > 0) {
      const count = violations.length === 1 ? '1 validation error' : `${violations.length} validation errors`;
      throw validationError(`${count} detected: ${violations.join('; ')}`);
    }
  }

  private violations(shapeName: string, value: unknown): string[] {
    const found: string[] = [];
    this.check(shapeName, value, '', found);
    return found;
  }

  private check(shapeName: string, value: unknown, path: string, found: string[]): void {
    const shape = this.shape(shapeName);
    switch (shape.type) {
      case 'structure':
        return this.checkStructure(shape, value, path, found);
      case 'list':
        return this.checkList(shape, value, path, found);
      case 'map':
        return this.checkMap(shape, value, path, found);
      case 'string':
        return this.checkString(shape, value, path, found);
      case 'integer':
      case 'long':
      case 'float':
      case 'double':
        return this.checkNumber(shape, value, path, found);
      case 'boolean':
        return expectType(typeof value === 'boolean', 'boolean', path);
      case 'timestamp':
        return expectType(typeof value === 'number', 'timestamp (epoch seconds)', path);
      case 'blob':
        return expectType(typeof value === 'string', 'blob (base64 string)', path);
      default:
        throw new Error(`Shape ${shapeName} has type ${shape.type}, which the validator does not know`);
    }
  }

  private checkStructure(shape: Shape, value: unknown, path: string, found: string[]): void {
    expectType(isObject(value), 'structure', path);
    const object = value as Record<string, unknown>;
    const required = new Set(shape.required ?? []);
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const memberPath = path ? `${path}.${name}` : name;
      const member = object[name];
      if (member === undefined || member === null) {
        if (required.has(name)) {
          found.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
        }
        continue;
      }
      this.check(ref.shape, member, memberPath, found);
    }
  }

  private checkList(shape: Shape, value: unknown, path: string, found: string[]): void {
    expectType(Array.isArray(value), 'list', path);
    const list = value as unknown[];
    this.checkLength(shape, list.length, () => JSON.stringify(list), path, found);
    list.forEach((item, index) => this.check(shape.member!.shape, item, `${path}.${index + 1}.member`, found));
  }

  private checkMap(shape: Shape, value: unknown, path: string, found: string[]): void {
    expectType(isObject(value), 'map', path);
    const entries = Object.entries(value as Record<string, unknown>);
    this.checkLength(shape, entries.length, () => JSON.stringify(value), path, found);
    for (const [key, item] of entries) {
      this.check(shape.key!.shape, key, `${path}.${key}.key`, found);
      this.check(shape.value!.shape, item, `${path}.${key}.value`, found);
    }
  }

  private checkString(shape: Shape, value: unknown, path: string, found: string[]): void {
    expectType(typeof value === 'string', 'string', path);
    const text = value as string;
    const shown = () => text;
    this.checkLength(shape, text.length, shown, path, found);
    if (shape.pattern !== undefined && !this.pattern(shape.pattern).test(text)) {
      found.push(describe(shape, shown, path, `Member must satisfy regular expression pattern: ${shape.pattern}`));
    }
    if (shape.enum !== undefined && !shape.enum.includes(text)) {
      found.push(describe(shape, shown, path, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`));
    }
  }

  private checkNumber(shape: Shape, value: unknown, path: string, found: string[]): void {
    expectType(typeof value === 'number' && Number.isFinite(value), 'number', path);
    const number = value as number;
    const shown = () => String(number);
    if (shape.min !== undefined && number < shape.min) {
      found.push(describe(shape, shown, path, `Member must have value greater than or equal to ${shape.min}`));
    }
    if (shape.max !== undefined && number > shape.max) {
      found.push(describe(shape, shown, path, `Member must have value less than or equal to ${shape.max}`));
    }
  }

  private checkLength(shape: Shape, length: number, shown: () => string, path: string, found: string[]): void {
    if (shape.min !== undefined && length < shape.min) {
      found.push(describe(shape, shown, path, `Member must have length greater than or equal to ${shape.min}`));
    }
    if (shape.max !== undefined && length > shape.max) {
      found.push(describe(shape, shown, path, `Member must have length less than or equal to ${shape.max}`));
    }
  }

  private shape(name: string): Shape {
    const shape = this.model.shapes[name];
    if (!shape) {
      throw new Error(`The model has no shape ${name}`);
    }
    return shape;
  }

  private pattern(source: string): RegExp {
    let compiled = this.patterns.get(source);
    if (!compiled) {
      compiled = new RegExp(source);
      this.patterns.set(source, compiled);
    }
    return compiled;
  }
}

/** AWS leaves the value out of the message when the shape is marked sensitive (specs, messages). */
function describe(shape: Shape, shown: () => string, path: string, constraint: string): string {
  const value = shape.sensitive ? 'Value' : `Value '${shown()}'`;
  return `${value} at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** A value of the wrong JSON type never reaches validation at AWS: the request fails to deserialize. */
function expectType(ok: boolean, expected: string, path: string): void {
  if (!ok) {
    throw serializationError(`Expected a ${expected} at '${path || '(root)'}'`);
  }
}

/** A JSON object; typeof alone also lets null and lists through. Spec parsing uses it too. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
