import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

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

/** AWS's published API model of Proton (2020-07-20, Apache-2.0), kept in the repository beside the emulator. */
const BUNDLED_MODEL = join(__dirname, 'api-model', 'service-2.json');

/** The model to validate against: `PROTON_API_MODEL` if set (to try another model version), else the bundled one. */
function findModelFile(): string {
  const fromEnv = process.env.PROTON_API_MODEL;
  if (fromEnv && !existsSync(fromEnv)) {
    throw new Error(`PROTON_API_MODEL points to ${fromEnv}, which does not exist`);
  }
  return fromEnv || BUNDLED_MODEL;
}

export function loadServiceModel(): ServiceModel {
  return JSON.parse(readFileSync(findModelFile(), 'utf8')) as ServiceModel;
}
