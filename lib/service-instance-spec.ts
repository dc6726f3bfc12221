import * as fs from 'node:fs';
import { Token } from 'aws-cdk-lib';
import { renderer } from './renderer';

/** Proton's limit on a spec (SpecContents, 51,200 characters). */
const MAX_SPEC_LENGTH = 51200;

/**
 * The service spec a ProtonServiceInstance deploys: a Proton service spec document
 * (`proton: ServiceSpec`, `instances:` with an entry named after the instance).
 */
export class ServiceInstanceSpec {
  /**
   * A spec from a plain object. String values may be CDK tokens (resolved at deploy time).
   */
  public static fromObject(spec: { [key: string]: any }): ServiceInstanceSpec {
    return new ServiceInstanceSpec(renderer.specTextOf(spec), spec);
  }

  /**
   * A spec from YAML text. Throws at once when the text is not valid YAML, unless it holds tokens (then it
   * is only known at deploy time).
   */
  public static fromYaml(yaml: string): ServiceInstanceSpec {
    return ServiceInstanceSpec.parsed(yaml, 'ServiceInstanceSpec.fromYaml');
  }

  /** A spec from a YAML file, read at synth time. Throws at once, naming the file, when it is not valid YAML. */
  public static fromFile(path: string): ServiceInstanceSpec {
    return ServiceInstanceSpec.parsed(fs.readFileSync(path, 'utf8'), `ServiceInstanceSpec.fromFile(${path})`);
  }

  private static parsed(yaml: string, source: string): ServiceInstanceSpec {
    if (Token.isUnresolved(yaml)) return new ServiceInstanceSpec(yaml);
    try {
      return new ServiceInstanceSpec(yaml, renderer.parseSpecText(yaml));
    } catch (e) {
      // The parser's first line says what and where; the lines after it quote the spec, which may hold secrets.
      throw new Error(`${source}: the spec is not valid YAML: ${(e as Error).message.split('\n')[0].replace(/:$/, '')}`);
    }
  }

  /** The spec as YAML text, as it is sent to Proton. */
  public readonly yaml: string;

  /** The parsed document; undefined while the text holds tokens. */
  private readonly document?: unknown;

  private constructor(yaml: string, document?: unknown) {
    this.yaml = yaml;
    this.document = document;
  }

  /**
   * Checks the spec for the instance it is declared for; returns the problems found, each a sentence.
   *
   * @internal
   */
  public _validate(instanceName: string): string[] {
    const hasTokens = Token.isUnresolved(this.yaml);
    // YAML text holding tokens is only known at deploy time; an object's tokens are plain strings here.
    if (this.document === undefined && hasTokens) return [];
    // Proton counts characters (code points), not UTF-16 units; a token's length is only known at deploy.
    const length = [...this.yaml].length;
    if (!hasTokens && length > MAX_SPEC_LENGTH) {
      return [`spec is ${length} characters; Proton accepts at most ${MAX_SPEC_LENGTH}`];
    }
    const doc = this.document;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      const found = doc === null ? 'empty' : Array.isArray(doc) ? 'a list' : `a ${typeof doc}`;
      return [`spec must be a YAML mapping (proton: ServiceSpec, instances: [...]), not ${found}`];
    }
    const instances = (doc as { instances?: unknown }).instances;
    const names = Array.isArray(instances) ? instances.map((i) => (i as { name?: unknown } | null)?.name) : [];
    const namesKnown = !Token.isUnresolved(instanceName) && !names.some((n) => typeof n === 'string' && Token.isUnresolved(n));
    if (namesKnown && !names.includes(instanceName)) {
      return [`spec has no entry named '${instanceName}' under instances (found: ${names.map(String).join(', ') || 'none'})`];
    }
    return [];
  }
}
