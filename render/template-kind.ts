/** The kinds of infrastructure a Proton template bundle holds, each in its own folder with its own inputs. */
export enum TemplateKind {
  ENVIRONMENT = 'environment',
  SERVICE_INSTANCE = 'service_instance',
  PIPELINE = 'pipeline',
}

interface KindFacts {
  /** The bundle folder that holds this kind's manifest and template. */
  readonly folder: string;
  /** The key of schema.yaml that names this kind's input type. */
  readonly inputTypeKey: string;
  /** Whether this renderer renders the kind. */
  readonly rendered: boolean;
}

/** Folder and schema key of each kind: Proton user guide, "Wrap up template files" and "Schema file". */
export const KIND_FACTS: Record<TemplateKind, KindFacts> = {
  [TemplateKind.ENVIRONMENT]: { folder: 'infrastructure', inputTypeKey: 'environment_input_type', rendered: true },
  [TemplateKind.SERVICE_INSTANCE]: { folder: 'instance_infrastructure', inputTypeKey: 'service_input_type', rendered: true },
  [TemplateKind.PIPELINE]: { folder: 'pipeline_infrastructure', inputTypeKey: 'pipeline_input_type', rendered: false },
};
