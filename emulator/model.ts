import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';

/** A reference from a structure member, list member or map key/value to a named shape. */
export interface MemberRef {
  readonly shape: string;
}

/** One entry of the model's `shapes`, reduced to what validation and dispatch need. */
export interface Shape {
  readonly type: string;
  readonly required?: readonly string[];
  readonly members?: Readonly<Record<string, MemberRef>>;
  readonly member?: MemberRef;
  readonly key?: MemberRef;
  readonly value?: MemberRef;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly sensitive?: boolean;
}

export interface Operation {
  readonly name: string;
  readonly input?: MemberRef;
  readonly output?: MemberRef;
}

/** The parts of AWS's `service-2.json` the emulator reads. */
export interface ServiceModel {
  readonly metadata: { readonly targetPrefix: string };
  readonly operations: Readonly<Record<string, Operation>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

const MODEL_IN_SHARED = join('shared', 'proton-api', 'service-2.json');

/**
 * Finds the model: `PROTON_API_MODEL` if set, else `shared/proton-api/service-2.json` in this
 * folder or any folder above it, since `shared/` sits beside the repository (also in CI's clone).
 */
export function findModelFile(from = __dirname): string {
  const fromEnv = process.env.PROTON_API_MODEL;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`PROTON_API_MODEL points to ${fromEnv}, which does not exist`);
    }
    return fromEnv;
  }
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, MODEL_IN_SHARED);
    if (existsSync(candidate)) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      throw new Error(`No ${MODEL_IN_SHARED} found above ${from}; set PROTON_API_MODEL to its path`);
    }
  }
}

export function loadServiceModel(path = findModelFile()): ServiceModel {
  return JSON.parse(readFileSync(path, 'utf8')) as ServiceModel;
}
