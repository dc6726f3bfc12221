import { LoopbackServer, listenLoopback } from '../emulator/loopback';

/** A stack as the stand-in serves it. */
export interface StandInStack {
  readonly name: string;
  /** GetTemplate's TemplateBody: the template's text as it was submitted (Proton submitted YAML). */
  readonly template?: string;
  /** DescribeStacks' Outputs, by OutputKey. */
  readonly outputs?: Readonly<Record<string, string>>;
  /** DescribeStacks' StackStatus. @default 'UPDATE_COMPLETE' */
  readonly status?: string;
}

/** One call the stand-in answered: its Action and the rest of its query parameters. */
export interface StandInCall {
  readonly action: string;
  readonly params: Readonly<Record<string, string>>;
}

/** An error CloudFormation answers with. */
export interface StandInError {
  /** `AccessDenied`, `Throttling`, ... */
  readonly code: string;
  readonly message: string;
  /** @default 403 */
  readonly status?: number;
}

interface StoredStack {
  readonly id: string;
  readonly name: string;
  status: string;
  template?: string;
  outputs: Readonly<Record<string, string>>;
}

type Reply = { status: number; body: string };

const XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

/** What the stand-in holds: the stacks, the refusals it was told to answer with, the calls it answered. */
interface State {
  readonly stacks: StoredStack[];
  readonly refusals: Map<string, StandInError>;
  readonly calls: StandInCall[];
}

/**
 * CloudFormation on loopback, over the AWS SDK's query protocol (form-encoded requests, XML answers),
 * for the calls this project makes: DescribeStacks (the handler's rollback check reads a status; the
 * lookups and takeover-check read outputs) and GetTemplate (takeover-check reads what was submitted).
 * Stacks are known by name or by stack id, as CloudFormation knows them; errors are worded as
 * CloudFormation words them.
 */
export class CloudFormationStandIn {
  private constructor(
    private readonly server: LoopbackServer,
    private readonly state: State,
  ) {}

  static async start(): Promise<CloudFormationStandIn> {
    const state: State = { stacks: [], refusals: new Map(), calls: [] };
    const server = await listenLoopback((_request, body) => ({ ...answer(state, new URLSearchParams(body)), headers: { 'content-type': 'text/xml' } }));
    return new CloudFormationStandIn(server, state);
  }

  get endpoint(): string {
    return this.server.endpoint;
  }

  /** Every call answered, in order. */
  get calls(): readonly StandInCall[] {
    return this.state.calls;
  }

  /** Deploys `stack`, or replaces the one of its name (keeping its stack id); returns the stack id. */
  putStack(stack: StandInStack): string {
    const stored = findStack(this.state, stack.name) ?? addStack(this.state, stack.name);
    stored.status = stack.status ?? 'UPDATE_COMPLETE';
    stored.template = stack.template;
    stored.outputs = { ...stack.outputs };
    return stored.id;
  }

  /** What DescribeStacks reports for the stack (named by its id or its name) from now on; an unknown one is added. */
  setStatus(stackId: string, status: string): void {
    const name = stackId.startsWith('arn:') ? (stackId.split('/')[1] ?? stackId) : stackId;
    const stored = findStack(this.state, stackId) ?? addStack(this.state, name, stackId);
    stored.status = status;
  }

  /** Answers every later call of `action` with `error`, as CloudFormation refuses a call (AccessDenied, 403). */
  refuse(action: string, error: StandInError): void {
    this.state.refusals.set(action, error);
  }

  stop(): Promise<void> {
    return this.server.close();
  }
}

function findStack(state: State, nameOrId: string): StoredStack | undefined {
  return state.stacks.find((stack) => stack.id === nameOrId || stack.name === nameOrId);
}

/** A new stack; its id, unless given, as CloudFormation forms one (a stack ARN ending in a unique id). */
function addStack(state: State, name: string, id?: string): StoredStack {
  const unique = `00000000-0000-4000-8000-${String(state.stacks.length + 1).padStart(12, '0')}`;
  const stored: StoredStack = { id: id ?? `arn:aws:cloudformation:us-east-1:123456789012:stack/${name}/${unique}`, name, status: 'UPDATE_COMPLETE', outputs: {} };
  state.stacks.push(stored);
  return stored;
}

/** The query protocol's answer to one call: XML, and errors as CloudFormation words them. */
function answer(state: State, form: URLSearchParams): Reply {
  const { Action: action = '', ...params } = Object.fromEntries(form);
  state.calls.push({ action, params });
  const refusal = state.refusals.get(action);
  if (refusal) return errorReply(refusal.status ?? 403, refusal.code, refusal.message);
  if (action !== 'DescribeStacks' && action !== 'GetTemplate') return validationError(`${action} is not simulated`);
  const stackName = params.StackName ?? '';
  const stack = findStack(state, stackName);
  if (!stack) return validationError(`Stack with id ${stackName} does not exist`);
  if (action === 'DescribeStacks') return success(action, `<Stacks><member>${describe(stack)}</member></Stacks>`);
  if (stack.template === undefined) return validationError(`GetTemplate is not simulated for stack ${stack.name}: it was given no template`);
  // Without transforms, both stages are the template as submitted.
  return success(action, `<TemplateBody>${escape(stack.template)}</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>`);
}

function describe(stack: StoredStack): string {
  const outputs = Object.entries(stack.outputs)
    .map(([key, value]) => `<member><OutputKey>${escape(key)}</OutputKey><OutputValue>${escape(value)}</OutputValue></member>`)
    .join('');
  return (
    `<StackId>${escape(stack.id)}</StackId><StackName>${escape(stack.name)}</StackName><StackStatus>${stack.status}</StackStatus>` +
    `<CreationTime>2026-01-01T00:00:00Z</CreationTime>${outputs ? `<Outputs>${outputs}</Outputs>` : ''}`
  );
}

function success(action: string, result: string): Reply {
  return {
    status: 200,
    body: `<${action}Response xmlns="${XMLNS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** CloudFormation's answer to a call it cannot serve: a ValidationError, 400. */
function validationError(message: string): Reply {
  return errorReply(400, 'ValidationError', message);
}

function errorReply(status: number, code: string, message: string): Reply {
  return {
    status,
    body:
      `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${escape(code)}</Code><Message>${escape(message)}</Message></Error>` +
      '<RequestId>0</RequestId></ErrorResponse>',
  };
}

/** Text as XML carries it; a carriage return as a reference, which the parser would otherwise drop. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
