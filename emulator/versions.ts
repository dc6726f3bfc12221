import type { DeploymentUpdateType } from '@aws-sdk/client-proton';
import { validationError } from './errors';
import { TemplateRecord, TemplateVersionRecord } from './records';

export interface VersionPair {
  major: string;
  minor: string;
}

/** The highest published minor of a major, unless the template was seeded with another one. */
export function recommendedMinor(template: TemplateRecord, major: string): string | undefined {
  const seeded = template.recommendedMinorVersions[major];
  if (seeded !== undefined) {
    return seeded;
  }
  const minors = published(template)
    .filter((version) => version.major === major)
    .map((version) => Number(version.minor));
  return minors.length > 0 ? String(Math.max(...minors)) : undefined;
}

/** The template's recommended "major.minor": seeded, or the highest published major with its recommended minor. */
export function recommendedVersion(template: TemplateRecord): VersionPair | undefined {
  if (template.recommendedVersion !== undefined) {
    const [major, minor] = template.recommendedVersion.split('.');
    return { major, minor };
  }
  const majors = published(template).map((version) => Number(version.major));
  if (majors.length === 0) {
    return undefined;
  }
  const major = String(Math.max(...majors));
  return { major, minor: recommendedMinor(template, major)! };
}

/** Versions a new instance gets: the ones asked for, completed from the template's recommendations. */
export function creationTarget(template: TemplateRecord, major?: string, minor?: string): VersionPair {
  const targetMajor = major ?? recommendedVersion(template)?.major;
  if (targetMajor === undefined) {
    throw validationError(`Service template ${template.name} has no published version`);
  }
  return requirePublished(template, targetMajor, minor);
}

/**
 * Versions an UpdateServiceInstance deploys, by Proton's deploymentType rules: NONE and
 * CURRENT_VERSION take no versions; MINOR_VERSION stays in the current major; MAJOR_VERSION moves
 * to a higher one. Omitted versions default to the recommended ones; the target must be published.
 */
export function updateTarget(
  template: TemplateRecord,
  current: VersionPair,
  deploymentType: DeploymentUpdateType,
  major?: string,
  minor?: string,
): VersionPair {
  switch (deploymentType) {
    case 'NONE':
    case 'CURRENT_VERSION':
      if (major !== undefined || minor !== undefined) {
        throw validationError(`You can't specify a template version when deploymentType is ${deploymentType}`);
      }
      return current;
    case 'MINOR_VERSION': {
      if (major !== undefined && major !== current.major) {
        throw validationError(
          `deploymentType MINOR_VERSION keeps major version ${current.major}; use MAJOR_VERSION to move to ${major}`,
        );
      }
      return requirePublished(template, current.major, minor);
    }
    case 'MAJOR_VERSION': {
      const targetMajor = major ?? recommendedVersion(template)?.major;
      if (targetMajor === undefined || Number(targetMajor) <= Number(current.major)) {
        throw validationError(
          `deploymentType MAJOR_VERSION needs a major version higher than the current ${current.major}, ` +
            `got ${targetMajor ?? 'none'}`,
        );
      }
      return requirePublished(template, targetMajor, minor);
    }
    default:
      throw validationError(`Unknown deploymentType ${String(deploymentType)}`);
  }
}

export function findVersion(template: TemplateRecord, major: string, minor: string): TemplateVersionRecord | undefined {
  return template.versions.find((version) => version.major === major && version.minor === minor);
}

/** `major` at the minor asked for, else at its recommended minor; that version must be published. */
function requirePublished(template: TemplateRecord, major: string, askedMinor: string | undefined): VersionPair {
  const minor = askedMinor ?? recommendedMinor(template, major);
  if (minor === undefined) {
    throw validationError(`Service template ${template.name} has no published version in major version ${major}`);
  }
  const version = findVersion(template, major, minor);
  if (!version) {
    throw validationError(`Service template ${template.name} has no version ${major}.${minor}`);
  }
  if (version.status !== 'PUBLISHED') {
    throw validationError(`Service template version ${template.name} ${major}.${minor} is ${version.status}, not PUBLISHED`);
  }
  return { major, minor };
}

function published(template: TemplateRecord): TemplateVersionRecord[] {
  return template.versions.filter((version) => version.status === 'PUBLISHED');
}
