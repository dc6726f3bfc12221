/**
 * The outputs of a stack Proton deployed, as a template reads them: an environment's
 * (`environment.outputs.<name>`) or an attached component's (`service_instance.components.<slot>.outputs.<name>`).
 */
export class EnvironmentOutputs {
  /**
   * The outputs of the stack Proton deployed, read at deploy time with `cloudformation:DescribeStacks` on that
   * stack only. Each output the template reads becomes a reference in the synthesized template; one the
   * stack does not have fails the deploy, naming it. A template that reads the outputs as a whole (a filter
   * over `environment.outputs`, a loop over it) needs their names at synth time: give the values with
   * `fromObject` instead.
   */
  public static fromStack(stackName: string): EnvironmentOutputs {
    return new EnvironmentOutputs(stackName, undefined);
  }

  /** Values known at synth time, by output name. */
  public static fromObject(outputs: { [name: string]: string }): EnvironmentOutputs {
    return new EnvironmentOutputs(undefined, { ...outputs });
  }

  /** The stack whose outputs are read at deploy time; undefined for values given with `fromObject`. */
  public readonly stackName?: string;

  /** The values given with `fromObject`; undefined for outputs read from a stack. */
  public readonly values?: { [name: string]: string };

  private constructor(stackName: string | undefined, values: { [name: string]: string } | undefined) {
    this.stackName = stackName;
    this.values = values;
  }
}
