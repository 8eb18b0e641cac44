// Further commands (the calculators) plug in here, so main.ts does not grow a branch per calculator.
export interface CommandContext {
  asOf: string | undefined;
  json: boolean;
  print: (value: unknown) => void;
  readJson: (path: string | undefined, what: string) => unknown;
}

export interface CommandExtension {
  name: string;
  usage: string;
  /** The command parses all its arguments itself (including --as-of), instead of main's shared options. */
  ownOptions?: boolean;
  run: (args: string[], context: CommandContext) => Promise<number> | number;
}



/** How each further command is called: main lists them without loading them (a CLI call loads only its command). */
export const commandUsage = {
  calc: 'anquan calc <计算器> <input.json> [--as-of YYYY-MM-DD] [--json]   (anquan calc list)',
  screen: 'anquan screen <file.jsonl|file.csv> --sector <行业> [--as-of YYYY-MM-DD] [--workers N|auto] [--format jsonl|csv] [--out FILE]',
} as const;

/** A further command as main knows it before loading it. */
export interface LazyCommand {
  name: string;
  usage: string;
  ownOptions?: boolean;
  load: () => Promise<CommandExtension>;
}
