import { parseArgs } from 'util';
import { ProtonEmulator } from './emulator';
import { exampleSeedPath, loadSeedFile } from './seed';

/**
 * `npm run emulator -- [--port N] [--seed FILE] [--deployment-ms N]`: runs the emulator until
 * Ctrl-C, printing how to point clients at it and one line per call.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string', default: exampleSeedPath },
      'deployment-ms': { type: 'string' },
    },
  });
  const emulator = await ProtonEmulator.start({
    seed: loadSeedFile(values.seed),
    port: wholeNumber('--port', values.port),
    deploymentDurationMs: wholeNumber('--deployment-ms', values['deployment-ms']),
  });
  const { region } = emulator.clientConfig();
  console.log(`Proton emulator listening on ${emulator.endpoint} (seed ${values.seed})`);
  console.log('Point the AWS CLI or an SDK at it:');
  console.log(`  export AWS_ENDPOINT_URL_PROTON=${emulator.endpoint}`);
  console.log(`  export AWS_REGION=${region} AWS_DEFAULT_REGION=${region} AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x`);
  console.log('  aws proton get-service-instance --service-name payments --name prod');
  console.log('Ctrl-C stops it.');

  emulator.calls.onCall((call) => {
    const outcome = call.errorType ? `${call.status} ${call.errorType}` : String(call.status);
    console.log(`${new Date(call.at).toISOString()} ${call.operation} ${JSON.stringify(call.input)} -> ${outcome}`);
  });
  process.once('SIGINT', () => {
    void emulator.stop().then(() => process.exit(0));
  });
}

/** Undefined when the flag is not given, so the emulator's own default applies. */
function wholeNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${flag} needs a whole number, got ${text}`);
  }
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
