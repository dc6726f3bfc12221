/**
 * Reading one version of a Proton template bundle from a folder: schema/schema.yaml and either
 * infrastructure/ (an environment template) or instance_infrastructure/ (a service template, maybe with a
 * pipeline_infrastructure/ beside it), each with manifest.yaml and the template file the manifest names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readManifest } from './manifest';
import { RenderError } from './render-error';
import { ProtonSchema, parseSchema } from './schema';
import { KIND_FACTS, TemplateKind } from './template-kind';

/** One template of the bundle: the Jinja source of a CloudFormation template. */
export interface BundleTemplate {
  readonly kind: TemplateKind;
  /** The template file's path. */
  readonly file: string;
  readonly source: string;
}

export interface TemplateBundle {
  /** The folder the bundle was read from. */
  readonly dir: string;
  /** What the bundle renders: ENVIRONMENT or SERVICE_INSTANCE. */
  readonly kind: TemplateKind;
  readonly schema: ProtonSchema;
  /** The template of `kind`. */
  readonly template: BundleTemplate;
  /** Whether the bundle holds a pipeline_infrastructure/ folder, which this renderer does not render. */
  readonly hasPipeline: boolean;
}

export function readBundleFiles(dir: string): TemplateBundle {
  if (!isDirectory(dir)) throw new RenderError(dir, 'is not a folder; a template bundle is a folder holding schema/ and infrastructure/ or instance_infrastructure/');
  const has = (kind: TemplateKind) => isDirectory(path.join(dir, KIND_FACTS[kind].folder));
  const kind = bundleKind(dir, has(TemplateKind.ENVIRONMENT), has(TemplateKind.SERVICE_INSTANCE), has(TemplateKind.PIPELINE));
  const schemaFile = path.join(dir, 'schema', 'schema.yaml');
  const schema = parseSchema(readText(schemaFile, 'a template bundle holds its input schema in schema/schema.yaml'), schemaFile);
  if (schema.inputTypes[kind] === undefined) {
    throw new RenderError(schemaFile, `must name \`${KIND_FACTS[kind].inputTypeKey}\`, the input type of the ${KIND_FACTS[kind].folder}/ template`);
  }
  return { dir, kind, schema, template: readTemplate(dir, kind), hasPipeline: has(TemplateKind.PIPELINE) };
}

function bundleKind(dir: string, environment: boolean, instance: boolean, pipeline: boolean): TemplateKind {
  if (environment && instance) {
    throw new RenderError(dir, 'holds both infrastructure/ (an environment template) and instance_infrastructure/ (a service template); a bundle is one or the other');
  }
  if (environment) return TemplateKind.ENVIRONMENT;
  if (instance) return TemplateKind.SERVICE_INSTANCE;
  if (pipeline) {
    throw new RenderError(path.join(dir, KIND_FACTS[TemplateKind.PIPELINE].folder), 'rendering pipeline templates is not supported; this renderer renders environment (infrastructure/) and service instance (instance_infrastructure/) templates');
  }
  throw new RenderError(dir, 'has no infrastructure/ or instance_infrastructure/ folder: nothing to render (a customer-managed environment template holds only its schema)');
}

function readTemplate(dir: string, kind: TemplateKind): BundleTemplate {
  const folder = path.join(dir, KIND_FACTS[kind].folder);
  const manifestFile = path.join(folder, 'manifest.yaml');
  const name = readManifest(readText(manifestFile, 'each template folder holds a manifest.yaml naming its template'), manifestFile);
  const file = path.join(folder, name);
  return { kind, file, source: readText(file, `the manifest ${manifestFile} names it`) };
}

function readText(file: string, why: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RenderError(file, code === 'ENOENT' ? `missing: ${why}` : `cannot be read: ${(error as Error).message}`);
  }
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
