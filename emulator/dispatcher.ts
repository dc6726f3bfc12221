import { randomUUID } from 'crypto';
import { setTimeout as delay } from 'timers/promises';
import { Backend } from './backend';
import { CallLog } from './call-log';
import { ProtonError, internalError, serializationError } from './errors';
import { ServiceModel } from './model';
import { ModelValidator } from './model-validator';
import { operations } from './operations';
import { settle } from './settle';

/** An answer ready for the wire. */
export interface Reply {
  status: number;
  body: string;
  errorType?: string;
  requestId: string;
}

/**
 * Turns one request (target header + body) into one answer, the way Proton's front end does:
 * unknown operation, scripted faults, model validation, then the operation on settled state.
 * Every call is logged, whatever its outcome.
 */
export class Dispatcher {
  private readonly validator: ModelValidator;

  constructor(
    private readonly model: ServiceModel,
    private readonly backend: Backend,
    private readonly log: CallLog,
  ) {
    this.validator = new ModelValidator(model);
  }

  async dispatch(target: string | undefined, body: string): Promise<Reply> {
    const latency = this.backend.plan.latencyMs;
    if (latency > 0) {
      await delay(latency);
    }
    const operation = this.operationName(target);
    let input: unknown;
    let reply: Reply;
    try {
      input = parseBody(body);
      reply = success(this.answer(operation, input));
    } catch (error) {
      if (error instanceof Unanswered) {
        this.log.record({ operation: operation ?? target ?? '', input, status: 0, errorType: error.fault, at: this.backend.clock.now() });
        return error.fault === 'reset' ? Promise.reject(error) : new Promise<never>(() => undefined);
      }
      reply = failure(error);
    }
    this.log.record({
      operation: operation ?? target ?? '',
      input,
      status: reply.status,
      errorType: reply.errorType,
      at: this.backend.clock.now(),
    });
    return reply;
  }

  /** The operation's output as the body to send. */
  private answer(operation: string | undefined, input: unknown): string {
    if (operation === undefined) {
      throw new ProtonError('UnknownOperationException', 'The requested operation is not recognized by the service.');
    }
    const fault = this.backend.plan.takeCallFault(operation, this.backend.clock.now());
    if (fault === 'reset' || fault === 'silence') {
      throw new Unanswered(fault);
    }
    if (fault) {
      throw fault;
    }
    this.validator.validateInput(operation, input);
    const handle = operations[operation];
    if (!handle) {
      // 400 rather than 5xx so the SDK does not retry a call that can never work here.
      throw new ProtonError('NotImplementedException', `The Proton emulator does not implement ${operation}`);
    }
    settle(this.backend);
    const output = toWire(handle(this.backend, input));
    this.assertValidOutput(operation, output.value);
    return output.text;
  }

  /** An output the model would reject is an emulator bug; it must show as one, not reach a client. */
  private assertValidOutput(operation: string, output: unknown): void {
    const shape = this.model.operations[operation].output?.shape;
    if (!shape) {
      return;
    }
    try {
      this.validator.assertValid(shape, output);
    } catch (error) {
      throw internalError(`The emulator produced an invalid ${shape}: ${(error as Error).message}`);
    }
  }

  /** `AwsProton20200720.GetServiceInstance` → `GetServiceInstance`, if the model has it. */
  private operationName(target: string | undefined): string | undefined {
    const prefix = `${this.model.metadata.targetPrefix}.`;
    if (!target?.startsWith(prefix)) {
      return undefined;
    }
    const name = target.slice(prefix.length);
    return Object.prototype.hasOwnProperty.call(this.model.operations, name) ? name : undefined;
  }
}

/**
 * A call that gets no answer: the server drops its connection (a rejected dispatch, which the loopback
 * server answers by destroying the socket) or never answers it (a dispatch that never settles).
 */
class Unanswered extends Error {
  constructor(readonly fault: 'reset' | 'silence') {
    super(`connection ${fault === 'reset' ? 'reset' : 'left unanswered'} by a scripted fault`);
  }
}

function parseBody(body: string): unknown {
  if (body.trim() === '') {
    return {};
  }
  try {
    return JSON.parse(body);
  } catch {
    throw serializationError('The request body is not valid JSON');
  }
}

/**
 * JSON with timestamps as epoch seconds, as the awsJson1_0 protocol carries them: the text is sent,
 * and the value parsed back from it is what the model validates, so what is checked is what is sent.
 */
function toWire(output: object): { text: string; value: unknown } {
  const text = JSON.stringify(output, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : value;
  });
  return { text, value: JSON.parse(text) };
}

function success(body: string): Reply {
  return { status: 200, body, requestId: randomUUID() };
}

function failure(error: unknown): Reply {
  const protonError = error instanceof ProtonError ? error : unexpected(error);
  return {
    status: protonError.statusCode,
    body: JSON.stringify({ __type: protonError.type, message: protonError.message }),
    errorType: protonError.type,
    requestId: randomUUID(),
  };
}

/** A bug in the emulator: answered as Proton's 500 and printed, so it is not mistaken for behaviour. */
function unexpected(error: unknown): ProtonError {
  console.error('Proton emulator error:', error);
  return internalError(`Emulator error: ${error instanceof Error ? error.message : String(error)}`);
}
