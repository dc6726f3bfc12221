/**
 * The variables a template sees: Proton's parameter namespace (user guide: "AWS Proton parameters" and its
 * pages on service and environment CloudFormation IaC files, and "Component infrastructure as code files").
 * A name the caller cannot know is simply absent, so a template reading it gets Jinja's Undefined.
 */
import { MISSING_KEY, PyDict } from './python-values';

export interface ServiceInstanceFacts {
  readonly serviceName: string;
  readonly instanceName: string;
  readonly environmentName: string;
  /** The instance's inputs, schema defaults filled. */
  readonly inputs: PyDict;
  /** The environment's outputs: a mapping of its own, used as it is (see outputsByName). */
  readonly environmentOutputs: PyDict;
  /** Attached components' outputs by slot (`default` for the directly defined component). */
  readonly components: Readonly<Record<string, PyDict>>;
  /** Attached components' names by slot. */
  readonly componentNames: Readonly<Record<string, string>>;
  readonly environmentAccountId?: string;
  readonly repositoryId?: string;
  readonly repositoryConnectionArn?: string;
  readonly branchName?: string;
}

/** `service`, `service_instance` and `environment`, as a service instance template reads them. */
export function serviceInstanceNamespace(facts: ServiceInstanceFacts): PyDict {
  return {
    service: present({
      name: facts.serviceName,
      repository_id: facts.repositoryId,
      repository_connection_arn: facts.repositoryConnectionArn,
      branch_name: facts.branchName,
    }),
    service_instance: {
      name: facts.instanceName,
      inputs: facts.inputs,
      components: componentSlots(facts),
    },
    environment: present({
      name: facts.environmentName,
      account_id: facts.environmentAccountId,
      outputs: facts.environmentOutputs,
    }),
  };
}

/** `environment`, as an environment template reads it. */
export function environmentNamespace(environmentName: string, inputs: PyDict): PyDict {
  return { environment: { name: environmentName, inputs } };
}

/**
 * The attached components by slot. The guide promises that the whole of a component, or the whole of its
 * outputs, reads as an empty object `{}` when no component is attached, while a single output or the
 * name of a missing component stays undefined (`| default(...)` applies to it).
 */
function componentSlots(facts: ServiceInstanceFacts): PyDict {
  const slots: PyDict = {};
  for (const [slot, outputs] of Object.entries(facts.components)) {
    slots[slot] = present({ name: facts.componentNames[slot], outputs });
  }
  return withMissingKeys(slots, () => withMissingKeys({}, (key) => (key === 'outputs' ? {} : undefined)));
}

function withMissingKeys(dict: PyDict, fallback: (key: string) => unknown): PyDict {
  Object.defineProperty(dict, MISSING_KEY, { value: fallback, enumerable: false });
  return dict;
}

/** The entries whose value is known. */
function present(entries: Record<string, unknown>): PyDict {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}
