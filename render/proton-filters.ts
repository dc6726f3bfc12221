/**
 * Proton's four filters, as the Proton user guide's "Parameter filters for CloudFormation IaC files" page
 * declares and shows them. The page shows the list and mapping filters' output as YAML block lines at the
 * column of the `{{` that prints them (it has to be, for `- !Ref Base` followed by a policy ARN list to stay
 * one list), so the renderer hands these filters that indentation as their first argument.
 */
import { Filter, bindArguments } from './filters';
import { PythonError } from './python-operators';
import { isDict, pyStr, pyTruthy } from './python-values';

export const ECS_ENV_VARS = 'proton_cfn_ecs_task_definition_formatted_env_vars';
export const LAMBDA_ENV_VARS = 'proton_cfn_lambda_function_formatted_env_vars';
export const IAM_POLICY_ARNS = 'proton_cfn_iam_policy_arns';
export const SANITIZE = 'proton_cfn_sanitize';

/** The filters whose output spans lines and so needs the column it is printed at. */
export const BLOCK_FILTERS: readonly string[] = [ECS_ENV_VARS, LAMBDA_ENV_VARS, IAM_POLICY_ARNS];

/** The page's rule for a value that is safe to print as it is. */
const SAFE_VALUE = /^[a-zA-Z0-9_-]*\n?$/;
/** The page's rule for an IAM policy ARN (`\d` as Python reads it: any decimal digit). */
const IAM_POLICY_ARN = /^arn:[a-zA-Z-]+:iam::\p{Nd}{12}:policy\//u;
/**
 * "A valid ARN": the page gives no pattern. This one takes the ARN layout (arn:partition:service:region:
 * account:resource) with nothing in it that YAML could read as syntax.
 */
const ARN = /^arn:[a-z0-9-]+:[a-zA-Z0-9-]+:[a-z0-9-]*:(?:\p{Nd}{12}|aws)?:[^\s'"#,{}[\]]+$/u;

/**
 * The four filters. `isUnresolved` tells values whose text is not known yet (a CDK token standing for an
 * environment output): they pass the filters' checks unchecked, since their text cannot be judged.
 */
export function protonFilters(isUnresolved: (value: string) => boolean): Record<string, Filter> {
  const checkSafe = (text: string, what: string) => {
    if (!isUnresolved(text) && !SAFE_VALUE.test(text)) {
      throw new PythonError('ValueError', `Illegal character(s) detected in "${text}" (${what}). Must match regex ^[a-zA-Z0-9_-]*$`);
    }
  };
  return {
    [ECS_ENV_VARS]: (value, indent, ...args) => {
      const { raw } = bindArguments(ECS_ENV_VARS, args, ['raw'], { raw: true });
      const entries = outputsOf(ECS_ENV_VARS, value);
      if (!pyTruthy(raw)) entries.forEach(([name, text]) => checkSafe(text, name));
      return entries.map(([name, text]) => `- Name: ${name}\n${indent}  Value: ${text}`).join(`\n${indent}`);
    },
    [LAMBDA_ENV_VARS]: (value, indent, ...args) => {
      const { raw } = bindArguments(LAMBDA_ENV_VARS, args, ['raw'], { raw: true });
      const entries = outputsOf(LAMBDA_ENV_VARS, value);
      if (!pyTruthy(raw)) entries.forEach(([name, text]) => checkSafe(text, name));
      return entries.map(([name, text]) => `${name}: ${text}`).join(`\n${indent}`);
    },
    [IAM_POLICY_ARNS]: (value, indent, ...args) => {
      bindArguments(IAM_POLICY_ARNS, args, []);
      const entries = outputsOf(IAM_POLICY_ARNS, value);
      const unknown = entries.find(([, text]) => isUnresolved(text));
      if (unknown) {
        throw new PythonError('ValueError', `${IAM_POLICY_ARNS}: output ${unknown[0]} is not known until deployment, so whether it is an IAM policy ARN cannot be told`);
      }
      return entries
        .filter(([, text]) => IAM_POLICY_ARN.test(text))
        .map(([, text]) => `- ${text}`)
        .join(`\n${indent}`);
    },
    [SANITIZE]: (value, ...args) => {
      bindArguments(SANITIZE, args, []);
      if (typeof value !== 'string') {
        throw new PythonError('TypeError', `${SANITIZE} expects a string, got ${value === undefined ? 'an undefined value' : pyStr(value)}`);
      }
      if (!isUnresolved(value) && !SAFE_VALUE.test(value) && !ARN.test(value)) {
        throw new PythonError('ValueError', `Illegal character(s) detected in "${value}". Must match regex ^[a-zA-Z0-9_-]*$ or be a valid ARN`);
      }
      return value;
    },
  };
}

/** The outputs a filter formats: a mapping of output names to values, in the mapping's order. */
function outputsOf(filter: string, value: unknown): Array<[string, string]> {
  if (!isDict(value)) {
    throw new PythonError('TypeError', `${filter} expects a mapping of outputs, got ${value === undefined ? 'an undefined value' : pyStr(value)}`);
  }
  return Object.entries(value).map(([name, item]) => [name, pyStr(item)]);
}
