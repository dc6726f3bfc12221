import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { SpecMap } from './records';

/**
 * What the emulated account starts with. One shape for code and for files (YAML or JSON).
 * Version numbers may be written as numbers or strings.
 */
export interface Seed {
  /** @default 'us-east-1' */
  readonly region?: string;
  /** 12 digits. @default '123456789012' */
  readonly account?: string | number;
  readonly templates?: readonly SeedTemplate[];
  /** Environment names; instances must name one of them. */
  readonly environments?: readonly string[];
  readonly services?: readonly SeedService[];
}

export interface SeedTemplate {
  readonly name: string;
  readonly versions: readonly SeedTemplateVersion[];
  /** "major.minor". @default - the highest published major with its recommended minor */
  readonly recommendedVersion?: string;
  /** Recommended minor per major, e.g. `{ "1": 0 }`. @default - the highest published minor of each major */
  readonly recommendedMinorVersions?: Readonly<Record<string, number | string>>;
  /**
   * The schema of every version that gives none of its own, as YAML text or an object.
   * @default - versions without a schema (GetServiceTemplateVersion answers none)
   */
  readonly schema?: string | Record<string, unknown>;
}

export interface SeedTemplateVersion {
  readonly major: number | string;
  readonly minor: number | string;
  /** @default 'PUBLISHED' */
  readonly status?: 'DRAFT' | 'PUBLISHED';
  /**
   * The version's schema (schema/schema.yaml of its bundle), as YAML text or an object.
   * @default - the template's `schema`
   */
  readonly schema?: string | Record<string, unknown>;
}

export interface SeedService {
  readonly name: string;
  readonly templateName: string;
  readonly description?: string;
  /**
   * The whole service spec (`proton: ServiceSpec`, `pipeline:`, `instances:`), as YAML text or an
   * object. Its `instances:` entries give an instance's environment and spec unless `instances` does.
   * @default - `proton: ServiceSpec` with the instances below
   */
  readonly spec?: string | SpecMap;
  /** Instances, merged by name with the spec's entries. */
  readonly instances?: readonly SeedInstance[];
  readonly components?: readonly SeedComponent[];
}

export interface SeedInstance {
  readonly name: string;
  /** @default - the environment of the instance's entry in the service spec */
  readonly environment?: string;
  /** @default - the template's recommended major version */
  readonly templateMajorVersion?: number | string;
  /** @default - the recommended minor version of that major */
  readonly templateMinorVersion?: number | string;
  /** The instance's own spec map (its entry's `spec:`). @default - its entry's spec in the service spec, else {} */
  readonly spec?: SpecMap;
  /**
   * IN_PROGRESS starts a deployment that ends after the emulator's deployment duration; FAILED
   * records a failed deployment after the successful one that created the instance.
   * @default 'SUCCEEDED'
   */
  readonly deploymentStatus?: 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';
  /** The FAILED deployment's message. @default 'Seeded failure' */
  readonly deploymentStatusMessage?: string;
}

export interface SeedComponent {
  readonly name: string;
  /** The instance of this service it is attached to. */
  readonly serviceInstanceName: string;
  readonly description?: string;
  readonly serviceSpec?: string;
  /** IN_PROGRESS ends (SUCCEEDED) after the emulator's deployment duration. @default 'SUCCEEDED' */
  readonly deploymentStatus?: 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';
}

/** The demo account: template fargate-svc, environments staging and prod, service payments. */
export const exampleSeedPath = join(__dirname, 'seed.example.yaml');

/** Reads a seed from a YAML or JSON file (JSON is YAML). */
export function loadSeedFile(path: string): Seed {
  const seed: unknown = parse(readFileSync(path, 'utf8'));
  if (typeof seed !== 'object' || seed === null || Array.isArray(seed)) {
    throw new Error(`Seed file ${path} must hold a map with templates, environments and services`);
  }
  return seed as Seed;
}
