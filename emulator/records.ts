import type { DeploymentStatus, ServiceStatus, TemplateVersionStatus } from '@aws-sdk/client-proton';

/** An instance's own spec: the `spec` map of its entry under `instances:` in the service spec. */
export type SpecMap = Record<string, unknown>;

/** Timestamps in records are milliseconds since the epoch, read from the emulator's clock. */
export interface TemplateVersionRecord {
  major: string;
  minor: string;
  status: TemplateVersionStatus;
  createdAt: number;
  /** The version's schema, as GetServiceTemplateVersion returns it (YAML text). */
  schema?: string;
}

export interface TemplateRecord {
  name: string;
  createdAt: number;
  versions: TemplateVersionRecord[];
  /** "major.minor" when seeded; otherwise derived from the published versions. */
  recommendedVersion?: string;
  /** Per major, a seeded recommended minor; otherwise the highest published minor of that major. */
  recommendedMinorVersions: Record<string, string>;
}

export interface ServiceRecord {
  name: string;
  templateName: string;
  createdAt: number;
  lastModifiedAt: number;
  status: ServiceStatus;
  description?: string;
  /**
   * The service spec without its `instances:` list (`proton:`, `pipeline:`, …). The list is
   * rendered from the instances themselves, so it can never disagree with them.
   */
  header: SpecMap;
  /** The pipeline's template version, when the spec has a `pipeline:` block. */
  pipeline?: { major: string; minor: string };
  /** An UpdateService that is running: when it ends, instances not in `keep` leave the service. */
  pendingUpdate?: { dueAt: number; keep: string[] };
}

export interface InstanceRecord {
  name: string;
  serviceName: string;
  environmentName: string;
  createdAt: number;
  templateName: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
  spec: SpecMap;
  deploymentStatus: DeploymentStatus;
  deploymentStatusMessage?: string;
  lastAttemptedDeploymentId?: string;
  /** Unset until the deployment that creates the instance succeeds: only then is it in the service spec. */
  lastSucceededDeploymentId?: string;
  lastClientRequestToken?: string;
  lastDeploymentAttemptedAt: number;
  lastDeploymentSucceededAt: number;
}

export interface ComponentRecord {
  name: string;
  serviceName: string;
  serviceInstanceName: string;
  environmentName: string;
  description?: string;
  serviceSpec?: string;
  createdAt: number;
  lastModifiedAt: number;
  deploymentStatus: DeploymentStatus;
  deploymentStatusMessage?: string;
  lastDeploymentAttemptedAt?: number;
  lastDeploymentSucceededAt?: number;
  /** While a scripted component deployment runs: when it ends. */
  busyUntil?: number;
}

/** The versions and own spec an instance has, before or after a deployment. */
export interface InstanceVersion {
  templateMajorVersion: string;
  templateMinorVersion: string;
  spec: SpecMap;
}

/** How a deployment will end, decided when it starts (faults can script it). */
export interface DeploymentPlan {
  outcome: 'SUCCEEDED' | 'FAILED';
  failureMessage?: string;
  /** When it ends by the clock; absent for a hung deployment, which only a cancel or `readsLeft` ends. */
  dueAt?: number;
  /** When set, the deployment ignores the clock and ends once this many reads have seen it running. */
  readsLeft?: number;
}

export interface DeploymentRecord {
  id: string;
  serviceName: string;
  serviceInstanceName: string;
  environmentName: string;
  templateName: string;
  targetResourceCreatedAt: number;
  createdAt: number;
  lastModifiedAt: number;
  completedAt?: number;
  deploymentStatus: DeploymentStatus;
  deploymentStatusMessage?: string;
  /** Absent for the deployment that creates the instance. */
  initial?: InstanceVersion;
  target: InstanceVersion;
  /** The whole service spec before and after, as GetDeployment shows them in initialState/targetState. */
  initialServiceSpec?: string;
  targetServiceSpec: string;
  plan: DeploymentPlan;
  cancelDueAt?: number;
}
