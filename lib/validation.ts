import { Duration, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { ProtonServiceInstanceProps } from './service-instance';

/** Proton's ResourceName: 1 to 100 characters, starting with a letter or digit. */
const NAME_PATTERN = /^[0-9A-Za-z]+[0-9A-Za-z_-]*$/;
/** Proton's TemplateVersionPart: a whole number without leading zeros, at most 20 characters. */
const VERSION_PATTERN = /^(0|[1-9]\d*)$/;

const MIN_TIMEOUT = Duration.minutes(1);
const MAX_TIMEOUT = Duration.hours(1);
const MIN_POLL = Duration.seconds(1);
const MAX_POLL = Duration.minutes(5);

/** Which service instances each stack declares, to refuse the same one twice. */
const declaredInstances = new WeakMap<Stack, Set<string>>();

/**
 * Checks the props at synth time; throws one error listing every problem, each naming the prop, the
 * value and what is allowed. Values that are tokens are left to deploy time.
 */
export function validateProps(
  scope: Construct,
  props: ProtonServiceInstanceProps,
  deploymentTimeout: Duration,
  pollInterval: Duration,
): void {
  const problems = [
    ...checkName('serviceName', props.serviceName),
    ...checkName('instanceName', props.instanceName),
    ...checkVersion('templateMajorVersion', props.templateMajorVersion),
    ...checkVersion('templateMinorVersion', props.templateMinorVersion),
    ...checkMinorNeedsMajor(props),
    ...props.spec.validate(props.instanceName),
    ...checkDurations(deploymentTimeout, pollInterval),
    ...checkDeclaredOnce(scope, props),
  ];
  if (problems.length > 0) {
    throw new Error(`ProtonServiceInstance ${scope.node.path}: ${problems.join('; ')}`);
  }
}

function checkName(prop: string, value: string): string[] {
  if (Token.isUnresolved(value)) return [];
  if (value.length < 1 || value.length > 100 || !NAME_PATTERN.test(value)) {
    return [
      `${prop} '${value}' is not a Proton name: 1 to 100 letters, digits, '-' and '_', starting with a letter or digit`,
    ];
  }
  return [];
}

function checkVersion(prop: string, value: string | undefined): string[] {
  if (value === undefined || Token.isUnresolved(value)) return [];
  if (value.length > 20 || !VERSION_PATTERN.test(value)) {
    return [`${prop} '${value}' is not a Proton template version part: a whole number such as '0' or '12', no leading zeros`];
  }
  return [];
}

function checkMinorNeedsMajor(props: ProtonServiceInstanceProps): string[] {
  if (props.templateMinorVersion !== undefined && props.templateMajorVersion === undefined) {
    return [`templateMinorVersion '${props.templateMinorVersion}' needs templateMajorVersion: a minor version belongs to one major version`];
  }
  return [];
}

function checkDurations(timeout: Duration, poll: Duration): string[] {
  const problems: string[] = [];
  if (!timeout.isUnresolved() && (timeout.toSeconds() < MIN_TIMEOUT.toSeconds() || timeout.toSeconds() > MAX_TIMEOUT.toSeconds())) {
    problems.push(`deploymentTimeout ${timeout.toHumanString()} is out of range: from 1 minute to 1 hour (CloudFormation's limit)`);
  }
  if (!poll.isUnresolved() && (poll.toSeconds() < MIN_POLL.toSeconds() || poll.toSeconds() > MAX_POLL.toSeconds())) {
    problems.push(`pollInterval ${poll.toHumanString()} is out of range: from 1 second to 5 minutes`);
  }
  if (problems.length === 0 && poll.toSeconds() * 2 > timeout.toSeconds()) {
    problems.push(`pollInterval ${poll.toHumanString()} must be at most half of deploymentTimeout ${timeout.toHumanString()}`);
  }
  return problems;
}

function checkDeclaredOnce(scope: Construct, props: ProtonServiceInstanceProps): string[] {
  if (Token.isUnresolved(props.serviceName) || Token.isUnresolved(props.instanceName)) return [];
  const stack = Stack.of(scope);
  const declared = declaredInstances.get(stack) ?? new Set<string>();
  declaredInstances.set(stack, declared);
  const key = `${props.serviceName}/${props.instanceName}`;
  if (declared.has(key)) {
    return [`service instance ${key} is already declared in stack ${stack.stackName}: two resources would fight over it`];
  }
  declared.add(key);
  return [];
}
