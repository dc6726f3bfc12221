import { DesiredState, InstanceState } from './instance-state';
import { Plan, PlanInput, plan, recommendedMinorNeeded } from './planner';
import { FillDefaults, defaultsMayMatter } from './spec';

/** The reads a decision may need, each made only when it is needed. */
export interface DecisionReads {
  /** Proton's recommended minor of a major (ListServiceTemplateVersions). */
  recommendedMinor(templateName: string, major: string): Promise<string | undefined>;
  /** The schema defaults of a template version (GetServiceTemplateVersion); undefined when it has no schema. */
  defaults(templateName: string, major: string, minor: string): Promise<FillDefaults | undefined>;
}

/** A spec that cannot be read, which is all a plan can fail on. */
export class SpecError extends Error {}

/**
 * What the handler does to an existing instance, with the reads it takes: Proton's recommended minor when
 * a new major names none, and the schema defaults of the version the instance runs only when a plain
 * comparison finds inputs that one side leaves out (so a no-op update stays at one read). The handler and
 * the plan command both decide here, so they decide alike.
 */
export async function decide(current: InstanceState, desired: DesiredState, reads: DecisionReads): Promise<Plan> {
  const major = recommendedMinorNeeded(current, desired);
  const recommendedMinor = major ? await reads.recommendedMinor(current.templateName, major) : undefined;
  const plain = planned({ current, desired, recommendedMinor });
  if (plain.action !== 'update' || !defaultsMayMatter(plain.specDifferences)) return plain;
  const defaults = await reads.defaults(current.templateName, current.templateMajorVersion, current.templateMinorVersion);
  return defaults ? planned({ current, desired, recommendedMinor, defaults }) : plain;
}

function planned(input: PlanInput): Plan {
  try {
    return plan(input);
  } catch (e) {
    throw new SpecError((e as Error).message);
  }
}
