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


