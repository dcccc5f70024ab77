import { isPortNumber, PORT_NUMBERS } from '../net/port-number';
import { PortRangeSpec, PortsSpec } from './virtual-service-spec';

/** Ports that a `Ports.list` was given more than once, by the Ports made from it. */
const LISTED_TWICE = new WeakMap<object, number[]>();

/**
 * The ports a virtual service listens on: one port, a list, a range, or every TCP port
 * except some (the Centricity PACS DB_MT service).
 *
 * Factories never throw: out-of-range values are kept as given and reported, with the
 * VIP's name, when the stack is synthesized.
 */
export class Ports {
  /** One port, e.g. `Ports.single(104)` for DICOM. */
  public static single(port: number): Ports {
    return new Ports([{ first: port, last: port }]);
  }

  /** Several ports on one VIP, e.g. `Ports.list([4100, 8080, 104])` for DAS_Pool. */
  public static list(ports: number[]): Ports {
    const given = listOf(ports);
    const made = new Ports(given.map((port) => ({ first: port, last: port })));
    LISTED_TWICE.set(made, [...new Set(given.filter((port, i) => given.indexOf(port) !== i))]);
    return made;
  }

  /** An inclusive range of ports, e.g. `Ports.between(800, 900)`. */
  public static between(firstPort: number, lastPort: number): Ports {
    return new Ports([{ first: firstPort, last: lastPort }]);
  }

  /** Every TCP port except those given, e.g. `Ports.allTcpExcept([20000])` for DB_MT. */
  public static allTcpExcept(excluded: number[]): Ports {
    const sorted = [...new Set(listOf(excluded))].sort((a, b) => a - b);
    const ranges: PortRangeSpec[] = [];
    let next = 1;
    for (const port of sorted) {
      if (port > next) ranges.push({ first: next, last: port - 1 });
      next = Math.max(next, port + 1);
    }
    if (next <= PORT_NUMBERS.max) ranges.push({ first: next, last: PORT_NUMBERS.max });
    return new Ports(ranges, sorted);
  }

  private constructor(
    private readonly ranges: PortRangeSpec[],
    private readonly allExcept?: number[],
  ) {}

  /** The resolved form: sorted, merged ranges when every range is valid, as given otherwise. */
  public toSpec(): PortsSpec {
    const valid = this.ranges.every(isValidRange);
    const ranges = valid ? mergeRanges(this.ranges) : this.ranges.map((r) => ({ ...r }));
    return this.allExcept ? { ranges, allExcept: [...this.allExcept] } : { ranges };
  }
}

/** The value as a list: a value that is not a list is kept as its only entry, to be reported at synth. */
function listOf<T>(value: T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** The ports a `Ports.list` was given more than once (legal: each is one listener). */
export function portsListedTwice(value: unknown): number[] {
  return (value !== null && typeof value === 'object' && LISTED_TWICE.get(value)) || [];
}

/** The resolved form of a value given as ports; no ports when it is not a {@link Ports} (reported at synth). */
export function portsSpecOf(value: unknown): PortsSpec {
  return value instanceof Ports ? value.toSpec() : { ranges: [] };
}

/** Whether a range has whole ports in 1-65535, in order. */
export function isValidRange(range: PortRangeSpec): boolean {
  return isPortNumber(range.first) && isPortNumber(range.last) && range.first <= range.last;
}

/** Sorts ranges and merges those that overlap or touch. */
export function mergeRanges(ranges: PortRangeSpec[]): PortRangeSpec[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first || a.last - b.last);
  const merged: PortRangeSpec[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.first <= last.last + 1) {
      merged[merged.length - 1] = { first: last.first, last: Math.max(last.last, range.last) };
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/** How many ports the spec covers. */
export function portCount(ports: PortsSpec): number {
  return ports.ranges.reduce((sum, r) => sum + (r.last - r.first + 1), 0);
}

/** The first range both lists share, if any. */
export function firstOverlap(a: PortRangeSpec[], b: PortRangeSpec[]): PortRangeSpec | undefined {
  for (const x of a) {
    for (const y of b) {
      const first = Math.max(x.first, y.first);
      const last = Math.min(x.last, y.last);
      if (first <= last) return { first, last };
    }
  }
  return undefined;
}

/** One range as people write it: `104` or `800-900`. */
export function formatRange(range: PortRangeSpec): string {
  return range.first === range.last ? `${range.first}` : `${range.first}-${range.last}`;
}

/** The ports as people read them: `104, 4100, 8080`, or `every TCP port except 20000`. */
export function describePorts(ports: PortsSpec): string {
  if (ports.allExcept) return `every TCP port except ${ports.allExcept.join(', ')}`;
  return ports.ranges.map(formatRange).join(', ');
}

/** The ports with their noun: `port 104`, `ports 104, 4100, 8080`, or `every TCP port except 20000`. */
export function describePortsWithNoun(ports: PortsSpec): string {
  const words = describePorts(ports);
  if (ports.allExcept) return words;
  return portCount(ports) > 1 ? `ports ${words}` : `port ${words}`;
}
