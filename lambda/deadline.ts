/**
 * The handler's own deadline. The Provider framework stops calling isComplete once its total timeout
 * has passed and then reports "timed out" without calling us, so anything the handler must do before
 * CloudFormation moves on (cancel its deployment, explain why) must happen on an earlier poll.
 */
export interface Deadline {
  /** Cancel our deployment now: the polls left are needed to see it CANCELLED. */
  readonly cancelNow: boolean;
  /** This may be the last poll: a verdict must be given now. */
  readonly lastPoll: boolean;
  /** The total wait, for messages. */
  readonly timeoutSeconds: number;
}

/** Time for a poll to run and the framework to answer, beyond the poll interval itself. */
const POLL_SLACK_MS = 5_000;

export function deadline(startedAtMs: number, timeoutSeconds: number, pollSeconds: number, nowMs: number): Deadline {
  const remaining = startedAtMs + timeoutSeconds * 1000 - nowMs;
  const pollMs = pollSeconds * 1000;
  // Keep a few polls, at least 30 s and at most a third of the wait, to watch the cancellation end.
  const cancelWindow = Math.min(Math.max(3 * pollMs + POLL_SLACK_MS, 30_000), (timeoutSeconds * 1000) / 3);
  const lastPoll = remaining <= pollMs + POLL_SLACK_MS;
  // In a short wait the last poll can come before the cancel window: a verdict on a deployment that
  // still runs must never leave it running, so the last poll cancels too.
  return { cancelNow: lastPoll || remaining <= cancelWindow, lastPoll, timeoutSeconds };
}
