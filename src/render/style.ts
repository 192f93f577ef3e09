/** Colours for terminal output. The core renders with `plain`; the CLI passes chalk on a TTY. */
export interface Paint {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly underline: (s: string) => string;
}

const id = (s: string): string => s;
export const plain: Paint = { red: id, yellow: id, green: id, dim: id, bold: id, underline: id };
