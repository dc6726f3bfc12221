// The onEvent function's entry. It checks the request without calling AWS, so it loads no SDK client:
// a fresh container starts with the handler code and yaml only (bench/RESULTS.md, cold start).
import * as handler from './handler';
import { OnEventResult, ResourceEvent } from './resource-event';

export function onEvent(event: ResourceEvent): Promise<OnEventResult> {
  return handler.onEvent(event);
}
