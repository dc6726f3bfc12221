/** What Proton reports for a service instance, reduced to what the handler decides on (no SDK types). */
export interface InstanceState {
  readonly arn: string;
  readonly templateName: string;
  readonly templateMajorVersion: string;
  readonly templateMinorVersion: string;
  /** Proton's DeploymentStatus: IN_PROGRESS, FAILED, SUCCEEDED, CANCELLING, CANCELLED, DELETE_*. */
  readonly deploymentStatus: string;
  readonly deploymentStatusMessage?: string;
  /** The whole service spec (pipeline and every instance), as GetServiceInstance returns it. */
  readonly spec?: string;
  readonly lastClientRequestToken?: string;
  readonly lastAttemptedDeploymentId?: string;
  readonly lastSucceededDeploymentId?: string;
  /** When the last deployment started (epoch ms). */
  readonly lastDeploymentAttemptedAt?: number;
}

/** A component attached to the instance; one deploying blocks updates of the instance. */
export interface ComponentState {
  readonly name: string;
  readonly deploymentStatus: string;
}

/** What Proton reports for the service an instance belongs to. */
export interface ServiceState {
  readonly spec: string;
  /** Proton's ServiceStatus: ACTIVE, UPDATE_IN_PROGRESS, UPDATE_FAILED, … */
  readonly status: string;
  readonly statusMessage?: string;
}

/** What the stack declares for the instance (the custom resource's properties). */
export interface DesiredState {
  readonly serviceName: string;
  readonly instanceName: string;
  /** The service spec document as YAML text; its `instances` entry for instanceName is this instance. */
  readonly spec: string;
  readonly templateMajorVersion?: string;
  readonly templateMinorVersion?: string;
}

/** Statuses during which Proton refuses updates: the handler waits them out. */
export const BUSY_STATUSES: ReadonlySet<string> = new Set(['IN_PROGRESS', 'CANCELLING', 'DELETE_IN_PROGRESS']);
