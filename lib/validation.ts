import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { ProtonServiceInstanceProps } from './service-instance';

/** Proton's ResourceName: 1 to 100 characters, starting with a letter or digit. */
const NAME_PATTERN = /^[0-9A-Za-z]+[0-9A-Za-z_-]*$/;
const MAX_NAME_LENGTH = 100;
/** Proton's TemplateVersionPart: a whole number without leading zeros, at most 20 characters. */
const VERSION_PATTERN = /^(0|[1-9]\d*)$/;
const MAX_VERSION_LENGTH = 20;

/** CloudFormation's ServiceTimeout for a custom resource: 1 to 3600 seconds. */
const MIN_TIMEOUT = Duration.minutes(1);
const MAX_TIMEOUT = Duration.hours(1);
const MIN_POLL = Duration.seconds(1);
const MAX_POLL = Duration.minutes(5);

/** Which service instances each stack declares, and where first, to refuse the same one twice. */
const declaredInstances = new WeakMap<Stack, Map<string, string>>();

/**
 * Checks the props at synth time; throws one error listing every problem, each naming the prop, the
 * value and what is allowed. Values that are tokens are left to deploy time, except those the provider
 * is built from.
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
    ...(props.templateName === undefined ? [] : checkName('templateName', props.templateName)),
    ...checkVersion('templateMajorVersion', props.templateMajorVersion),
    ...checkVersion('templateMinorVersion', props.templateMinorVersion),
    ...checkMinorNeedsMajor(props),
    ...props.spec._validate(props.instanceName),
    ...checkDurations(deploymentTimeout, pollInterval),
    ...checkRemovalPolicy(props.removalPolicy),
    ...checkEndpoint(props.protonEndpoint),
    ...checkDeclaredOnce(scope, props),
  ];
  if (problems.length > 0) {
    throw new Error(`ProtonServiceInstance ${scope.node.path}: ${problems.join('; ')}`);
  }
}

function checkName(prop: string, value: string): string[] {
  if (Token.isUnresolved(value)) return [];
  if (value.length > MAX_NAME_LENGTH || !NAME_PATTERN.test(value)) {
    return [
      `${prop} '${value}' is not a Proton name: 1 to 100 letters, digits, '-' and '_', starting with a letter or digit`,
    ];
  }
  return [];
}

function checkVersion(prop: string, value: string | undefined): string[] {
  if (value === undefined || Token.isUnresolved(value)) return [];
  if (value.length > MAX_VERSION_LENGTH || !VERSION_PATTERN.test(value)) {
    return [`${prop} '${value}' is not a Proton template version part: a whole number such as '0' or '12', no leading zeros, at most 20 digits`];
  }
  return [];
}

function checkRemovalPolicy(policy: RemovalPolicy | undefined): string[] {
  if (policy === undefined || policy === RemovalPolicy.RETAIN || policy === RemovalPolicy.DESTROY) return [];
  return [`removalPolicy ${policy} is not supported: RETAIN leaves the instance in Proton, DESTROY removes it; Proton has nothing to snapshot`];
}

function checkEndpoint(endpoint: string | undefined): string[] {
  if (endpoint === undefined || Token.isUnresolved(endpoint)) return [];
  const protocol = URL.canParse(endpoint) ? new URL(endpoint).protocol : undefined;
  if (protocol === 'https:' || protocol === 'http:') return [];
  return [`protonEndpoint '${endpoint}' is not an http(s) URL such as 'https://proton.example.com'`];
}

function checkMinorNeedsMajor(props: ProtonServiceInstanceProps): string[] {
  if (props.templateMinorVersion !== undefined && props.templateMajorVersion === undefined) {
    return [`templateMinorVersion '${props.templateMinorVersion}' needs templateMajorVersion: a minor version belongs to one major version`];
  }
  return [];
}

function checkDurations(timeout: Duration, poll: Duration): string[] {
  const problems = [
    ...checkDuration('deploymentTimeout', timeout, MIN_TIMEOUT, MAX_TIMEOUT, "from 1 minute to 1 hour (CloudFormation's limit)"),
    ...checkDuration('pollInterval', poll, MIN_POLL, MAX_POLL, 'from 1 second to 5 minutes'),
  ];
  if (problems.length === 0 && poll.toSeconds() * 2 > timeout.toSeconds()) {
    problems.push(`pollInterval ${poll.toHumanString()} must be at most half of deploymentTimeout ${timeout.toHumanString()}`);
  }
  return problems;
}

function checkDuration(prop: string, value: Duration, min: Duration, max: Duration, allowed: string): string[] {
  // Unlike the other props, these cannot wait for deploy time: the provider's waiter is built from them.
  if (value.isUnresolved()) return [`${prop} is a token: it must be known at synth time, since the provider's waiter is built from it`];
  const millis = value.toMilliseconds({ integral: false });
  if (millis % 1000 !== 0) return [`${prop} ${value.toHumanString()} is not a whole number of seconds`];
  if (millis < min.toMilliseconds() || millis > max.toMilliseconds()) {
    return [`${prop} ${value.toHumanString()} is out of range: ${allowed}`];
  }
  return [];
}

/** Two custom resources for one instance in one stack would fight over it; other stacks may hold other accounts or regions. */
function checkDeclaredOnce(scope: Construct, props: ProtonServiceInstanceProps): string[] {
  if (Token.isUnresolved(props.serviceName) || Token.isUnresolved(props.instanceName)) return [];
  const stack = Stack.of(scope);
  const declared = declaredInstances.get(stack) ?? new Map<string, string>();
  declaredInstances.set(stack, declared);
  const key = `${props.serviceName}/${props.instanceName}`;
  const first = declared.get(key);
  if (first !== undefined) {
    return [`service instance ${key} is already declared in stack ${stack.stackName} (by ${first}): declare it once per stack, since two resources would fight over it`];
  }
  declared.set(key, scope.node.path);
  return [];
}
