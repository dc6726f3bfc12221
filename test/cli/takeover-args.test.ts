import { UsageError, parseCommand, usage } from '../../cli/args';

describe('parseCommand: takeover-check', () => {
  it('reads ./cdk.out as text when takeover-check has no options', () => {
    expect(parseCommand(['takeover-check'])).toEqual({ kind: 'takeover-check', json: false });
  });

  it('takes --app and --json, in any order', () => {
    expect(parseCommand(['--json', 'takeover-check', '--app', 'cdk.out'])).toEqual({ kind: 'takeover-check', app: 'cdk.out', json: true });
  });

  it("answers --help with the subcommand's own usage", () => {
    expect(parseCommand(['takeover-check', '--help'])).toEqual({ kind: 'help', command: 'takeover-check' });
    expect(usage('takeover-check')).toMatch(/^Usage: cdk-proton-instance takeover-check \[--app <command\|directory>\] \[--json\]\n/);
  });

  it.each([[['takeover-check', 'extra']], [['takeover-check', '--detailed']], [['takeover-check', '--app']]])(
    'refuses %j with a usage error about takeover-check',
    (argv) => {
      expect(() => parseCommand(argv)).toThrow(UsageError);
      try {
        parseCommand(argv);
      } catch (e) {
        expect((e as UsageError).command).toBe('takeover-check');
      }
    },
  );
});

describe('usage', () => {
  it('lists every subcommand with its synopsis and what it does', () => {
    expect(usage()).toBe(
      [
        'Usage: cdk-proton-instance plan [--app <command|directory>] [--json]',
        '       cdk-proton-instance takeover-check [--app <command|directory>] [--json]',
        '       cdk-proton-instance render --template <version dir> --spec <file>',
        '       cdk-proton-instance <command> --help',
        '',
        '  plan            previews what deploying the app would do to each ProtonServiceInstance, reading Proton only',
        '  takeover-check  compares each takeover stack with the stack Proton deployed, before the first cdk deploy',
        '  render          prints the template Proton rendered from a template bundle version and a spec',
      ].join('\n'),
    );
  });
});
