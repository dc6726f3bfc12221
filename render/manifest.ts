/**
 * A bundle folder's manifest.yaml (user guide: "Wrap up template files for AWS Proton"):
 *
 *   infrastructure:
 *     templates:
 *       - file: "cloudformation.yaml"
 *         rendering_engine: jinja
 *         template_language: cloudformation
 *
 * Only that form renders into CloudFormation. Terraform (`rendering_engine: hcl`, `template_language:
 * terraform`) went to the user's own provisioning; CodeBuild provisioning (`rendering_engine: codebuild`)
 * ran commands, with no template to render.
 */
import { isDict } from './python-values';
import { parsePythonYaml } from './python-yaml';
import { RenderError } from './render-error';

const SUPPORTED = 'this renderer renders `rendering_engine: jinja` with `template_language: cloudformation` (AWS-managed provisioning)';

/** The file name the manifest lists for a Jinja-rendered CloudFormation template. */
export function readManifest(text: string, file: string): string {
  const doc = parsePythonYaml(text, file);
  const templates = isDict(doc) && isDict(doc.infrastructure) ? doc.infrastructure.templates : undefined;
  if (!Array.isArray(templates) || templates.length === 0 || !templates.every(isDict)) {
    throw new RenderError(file, 'must list `infrastructure.templates`, each with file, rendering_engine and template_language');
  }
  const [entry] = templates;
  const engine = String(entry.rendering_engine ?? '');
  const language = String(entry.template_language ?? '');
  if (engine === 'codebuild') {
    throw new RenderError(file, `uses CodeBuild provisioning (rendering_engine: codebuild), which runs commands and has no template to render; ${SUPPORTED}`);
  }
  if (engine === 'hcl' || language === 'terraform' || language === 'hcl') {
    throw new RenderError(file, `is a Terraform template (rendering_engine: ${engine}, template_language: ${language}), which Proton did not render into CloudFormation; ${SUPPORTED}`);
  }
  if (engine !== 'jinja' || language !== 'cloudformation') {
    throw new RenderError(file, `names rendering_engine: ${engine || '(none)'}, template_language: ${language || '(none)'}; ${SUPPORTED}`);
  }
  if (templates.length > 1) {
    throw new RenderError(file, 'lists more than one template; a CloudFormation manifest lists a single file');
  }
  if (typeof entry.file !== 'string' || entry.file === '' || /[\\/]/.test(entry.file) || entry.file === '..') {
    throw new RenderError(file, '`file` must name the template file in the manifest\'s folder');
  }
  return entry.file;
}
