import { emulatorPerTest, failedCalls, getProd } from './harness';

describe('a rate limit (throttleAbove)', () => {
  const demo = emulatorPerTest();

  /** Sends `count` reads one after another; true for each that was throttled. */
  const readsThrottled = (count: number) => failedCalls(count, () => getProd(demo.client));

  it('answers a second of calls, then throttles the calls beyond the rate', async () => {
    demo.emulator.faults.throttleAbove(3);

    expect(await readsThrottled(5)).toEqual([false, false, false, true, true]);
    expect(demo.emulator.calls.entries.map((call) => call.errorType)).toEqual([
      undefined, undefined, undefined, 'ThrottlingException', 'ThrottlingException',
    ]);
  });

  it('lets calls through again as time refills the bucket', async () => {
    demo.emulator.faults.throttleAbove(4);
    await readsThrottled(4);

    demo.emulator.advance(500);

    expect(await readsThrottled(3)).toEqual([false, false, true]);
  });

  it('never holds more than one second of calls, however long it was idle', async () => {
    demo.emulator.faults.throttleAbove(2);

    demo.emulator.advance(60_000);

    expect(await readsThrottled(3)).toEqual([false, false, true]);
  });

  it('is turned off by a rate of 0', async () => {
    demo.emulator.faults.throttleAbove(1);
    demo.emulator.faults.throttleAbove(0);

    expect(await readsThrottled(3)).toEqual([false, false, false]);
  });

  it('refuses a negative rate', () => {
    expect(() => demo.emulator.faults.throttleAbove(-1)).toThrow('throttleAbove needs a non-negative number of calls per second, got -1');
  });
});
