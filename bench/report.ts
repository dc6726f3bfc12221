/** One row of the results: a performance figure, what it measured, and whether it meets its target. */
export interface Figure {
  readonly name: string;
  readonly measured: string;
  readonly target: string;
  /** Undefined for a figure that is reported, not judged. */
  readonly met?: boolean;
  /** How it was measured; for a miss, by how much, why, and what would close it. */
  readonly notes: readonly string[];
  /** The runs behind the figure: a header row, then one row each. */
  readonly table?: readonly (readonly string[])[];
}

/** Where and how the figures were produced. */
export interface RunInfo {
  readonly command: string;
  readonly date: Date;
  readonly node: string;
  readonly cpus: string;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly totalSeconds: number;
}

export function renderTable(figures: readonly Figure[]): string {
  return markdownTable([['figure', 'measured', 'target', 'met?'], ...figures.map((f) => [f.name, f.measured, f.target, verdict(f.met)])]).join('\n');
}

function markdownTable([header, ...rows]: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/** bench/RESULTS.md: the table, the command and machine behind it, then the notes of each figure. */
export function renderResults(figures: readonly Figure[], info: RunInfo): string {
  const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(' / ');
  const notes = figures.flatMap((f) => [
    `### ${f.name}`,
    '',
    ...f.notes.map((note) => `- ${note}`),
    ...(f.table ? ['', ...markdownTable(f.table)] : []),
    '',
  ]);
  return [
    '# Benchmark results',
    '',
    `Produced by \`${info.command}\` on ${info.date.toISOString()}, in ${info.totalSeconds.toFixed(0)} s.`,
    `Machine: Node ${info.node}, ${info.cpus}; load average (1/5/15 min) ${load(info.loadBefore)} before, ${load(info.loadAfter)} after.`,
    'Timings are medians of several runs, and every ratio compares runs interleaved in the same benchmark,',
    'because machines here are noisy. Call counts come from the emulator\'s call log and do not vary between runs.',
    'KB are decimal (1 KB = 1,000 bytes).',
    '',
    renderTable(figures),
    '',
    '## How each figure was measured',
    '',
    ...notes,
  ].join('\n');
}

function verdict(met: boolean | undefined): string {
  if (met === undefined) return 'reported';
  return met ? 'yes' : '**no**';
}
