import { UsageError, parseCommand } from '../../cli/args';

describe('parseCommand', () => {
  it('reads ./cdk.out as text when plan has no options', () => {
    expect(parseCommand(['plan'])).toEqual({ kind: 'plan', json: false });
  });

  it('takes --app and --json', () => {
    expect(parseCommand(['plan', '--app', 'npx tsx bin/app.ts', '--json'])).toEqual({ kind: 'plan', app: 'npx tsx bin/app.ts', json: true });
  });

  it('answers --help without a command', () => {
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([[[]], [['apply']], [['plan', 'extra']], [['plan', '--detailed']], [['plan', '--app']]])('refuses %j with a usage error', (argv) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
  });
});
