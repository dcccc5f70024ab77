import { TargetLog } from '../targets/target-log';

/**
 * Where the CLI writes: standard output for results, standard error for progress, warnings
 * and errors. Every line passes the redactor, so a secret that reached a message by accident
 * (an echoed header, an error from a library) is printed as `[redacted]`.
 */
export interface CliOutput extends TargetLog {
  /** Writes a result line (stdout). */
  out(line: string): void;
  /** Adds values that must never be printed. */
  addSecrets(values: string[]): void;
}

/** The raw streams the CLI writes to. */
export interface CliStreams {
  /** Standard output. */
  readonly stdout: (text: string) => void;
  /** Standard error. */
  readonly stderr: (text: string) => void;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A pattern that finds a secret in any of the forms a program may print it in: as is,
 * JSON-escaped (`\"`, `\\`), PHP-escaped (`\/`), with characters as `\uXXXX` (either case),
 * and escaped again inside another JSON string (`\\/`, `\\u00eb`): each character may come
 * with any number of backslashes before it, or as a `\u` escape.
 */
export function secretPattern(secret: string): RegExp {
  const units = [...Array(secret.length).keys()].map((i) => {
    const unit = secret.charCodeAt(i);
    const hex = unit.toString(16).padStart(4, '0');
    const anyCaseHex = [...hex].map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d)).join('');
    return `(?:\\\\*${escapeRegExp(secret[i])}|\\\\+u${anyCaseHex})`;
  });
  return new RegExp(units.join(''), 'g');
}

/** Replaces every occurrence of every secret, in every escaped form (longest first), with `[redacted]`. */
export function redact(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) result = result.replace(secretPattern(secret), '[redacted]');
  }
  return result;
}

/** An output that redacts secrets and shows debug lines only when asked. */
export function createOutput(streams: CliStreams, debugOn: boolean): CliOutput {
  const secrets: string[] = [];
  return {
    out: (line) => streams.stdout(`${redact(line, secrets)}\n`),
    err: (line) => streams.stderr(`${redact(line, secrets)}\n`),
    debug: (line) => {
      if (debugOn) streams.stderr(`debug: ${redact(line, secrets)}\n`);
    },
    addSecrets: (values) => secrets.push(...values),
  };
}
