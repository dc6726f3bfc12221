/** Terminal output for the demo: plain ANSI styling, a live progress line, a table. No dependencies. */

const tty = process.stdout.isTTY === true;
/** Colors only on a terminal whose user has not asked for none (https://no-color.org). */
const colored = tty && !process.env.NO_COLOR;

const sgr = (open: number, close: number) => (text: string) => (colored ? `\x1b[${open}m${text}\x1b[${close}m` : text);
export const style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
};

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\x1b[2K';

/** Seconds with one decimal: `2.1 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `1 read`, `5 reads`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** One labelled line of a step: `  plan      MINOR_VERSION 1.0 → 1.1`. */
export function field(label: string, text: string): string {
  return `  ${style.dim(label.padEnd(9))} ${text}`;
}

/**
 * What is happening while a request runs. On a terminal: one line redrawn in place (spinner, elapsed
 * time, the progress text). Elsewhere (CI logs, pipes): a plain line each time the progress text
 * changes, so the log reads as a sequence of states without carriage-return noise.
 */
export class LiveLine {
  private readonly started = Date.now();
  private timer?: NodeJS.Timeout;
  private frame = 0;
  private lastPrinted?: string;

  /** `progress` returns what the request is waiting for, or undefined while there is nothing to show. */
  constructor(private readonly progress: () => string | undefined) {
    if (tty) this.timer = setInterval(() => this.draw(), 100);
  }

  /**
   * Prints a permanent line above the live one. Written to stdout directly: while the handler runs,
   * the lifecycle runner holds console.log to capture its decision lines, and would swallow ours.
   */
  print(line: string): void {
    this.erase();
    process.stdout.write(`${line}\n`);
    this.draw();
  }

  /** Called when the state may have changed (before each poll). */
  refresh(): void {
    if (tty) return this.draw();
    const text = this.progress();
    if (text === undefined || text === this.lastPrinted) return;
    const label = this.lastPrinted === undefined ? 'waiting' : '';
    this.lastPrinted = text;
    process.stdout.write(`${field(label, `${this.elapsed()}  ${text}`)}\n`);
  }

  /** Ends the live line; on a terminal, what it last showed stays as a permanent line. */
  stop(): void {
    clearInterval(this.timer);
    this.erase();
    const text = tty ? this.progress() : undefined;
    if (text !== undefined) process.stdout.write(`${field('waited', `${this.elapsed()}  ${text}`)}\n`);
  }

  private elapsed(): string {
    return seconds(Date.now() - this.started).padStart(5);
  }

  private draw(): void {
    if (!tty) return;
    const text = this.progress() ?? 'asking Proton';
    this.frame = (this.frame + 1) % SPINNER.length;
    process.stdout.write(`${CLEAR_LINE}  ${style.cyan(SPINNER[this.frame])} ${style.dim('waiting')} ${this.elapsed()}  ${text}`);
  }

  private erase(): void {
    if (tty) process.stdout.write(CLEAR_LINE);
  }
}

/** A left-aligned table; columns listed in `right` are right-aligned. Widths ignore ANSI codes. */
export function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  const visible = (cell: string) => cell.replace(/\x1b\[\d+m/g, '').length;
  const widths = header.map((h, i) => Math.max(visible(h), ...rows.map((row) => visible(row[i]))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - visible(cell));
        return right.has(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [style.dim(line(header)), ...rows.map(line)];
}
