import { CodeConstant, CodeField, CodeValue, siteTypes, SiteCode } from './code-model';
import { quoteLiteral } from './string-literal';
import { Doc, group, hardline, ifBreak, indent, join, line, printDoc, softline } from './layout';

/**
 * Prints a {@link SiteCode} as a Python module for the library's Python bindings (jsii): one
 * `TerraformStack` subclass, props as keyword arguments, structs by their class names, names
 * in snake_case. Laid out as black lays it out (88 columns, 4 spaces, double quotes, a trailing
 * comma in every broken bracket): the import tests check it with `black --check`.
 */

const WIDTH = 88;
const INDENT = 4;

/** `managementAddress` → `management_address`, `hl7Mllp` → `hl7_mllp`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** A string literal as black writes it: double quotes unless the text holds more of them than single quotes. */
export function quotePy(value: string): string {
  return quoteLiteral(value, '"');
}

/** A bracket on one line when it fits, else one entry a line with a trailing comma (black's "magic trailing comma"). */
function bracketed(open: string, close: string, entries: Doc[]): Doc {
  if (entries.length === 0) return `${open}${close}`;
  return group([open, indent([softline, join([',', line], entries)]), ifBreak(','), softline, close]);
}

class PythonPrinter {
  constructor(private readonly constants: CodeConstant[]) {}

  public value(value: CodeValue): Doc {
    switch (value.kind) {
      case 'text':
        return quotePy(value.value);
      case 'number':
        return String(value.value);
      case 'boolean':
        return value.value ? 'True' : 'False';
      case 'enum':
        return `${value.type}.${value.member}`;
      case 'call':
        return [`${value.type}.${snakeCase(value.method)}`, this.args(value.args, [])];
      case 'props':
        return value.type === undefined ? this.args([], value.fields) : [value.type, this.args([], value.fields)];
      case 'map':
        return bracketed('{', '}', value.entries.map((e) => [quotePy(e.name), ': ', this.value(e.value)]));
      case 'list':
        return bracketed('[', ']', value.items.map((i) => this.value(i)));
      case 'ref':
        return snakeCase(value.name);
      case 'element':
        return `${snakeCase(value.list)}[${value.index}]`;
      case 'changed':
        return this.value(this.resolved(value.list, value.index, value.fields));
    }
  }

  /** Arguments: positional ones, then keyword ones; a last struct argument's fields become keywords (jsii lifts them). */
  public args(positional: CodeValue[], keywords: CodeField[]): Doc {
    const last = positional[positional.length - 1];
    if (last?.kind === 'props' && last.type === undefined) return this.args(positional.slice(0, -1), [...keywords, ...last.fields]);
    return bracketed('(', ')', [...positional.map((p) => this.value(p)), ...keywords.map((k) => [snakeCase(k.name), '=', this.value(k.value)])]);
  }

  /** A changed element of a named list, written whole (Python structs have no spread). */
  private resolved(list: string, index: number, fields: CodeField[]): CodeValue {
    const base = this.constants.find((c) => c.name === list)?.value;
    const element = base?.kind === 'list' ? base.items[index] : undefined;
    if (element?.kind !== 'props') throw new Error(`${list}[${index}]: not a named struct (a bug)`);
    const changed = new Map(fields.map((f) => [f.name, f.value]));
    const merged = element.fields.map((f) => ({ name: f.name, value: changed.get(f.name) ?? f.value }));
    const added = fields.filter((f) => !element.fields.some((e) => e.name === f.name));
    return { ...element, fields: [...merged, ...added] };
  }
}

/** Options of the Python output. */
export interface PythonCodeOptions {
  /** The module the constructs are imported from. */
  readonly libraryModule: string;
  /** The stack class's name. */
  readonly className: string;
}

/** The whole module, formatted. */
export function pythonCode(site: SiteCode, options: PythonCodeOptions): string {
  const printer = new PythonPrinter(site.constants);
  const construct = (scope: string, c: { type: string; id: string; props: CodeValue }): Doc => [c.type, printer.args([{ kind: 'ref', name: scope }, { kind: 'text', value: c.id }, c.props], [])];
  const names = siteTypes(site, true);
  const body: Doc[] = [
    'super().__init__(scope, id)',
    hardline,
    hardline,
    ['appliance = ', construct('self', site.appliance)],
    ...site.constructs.flatMap((c) => [hardline, construct('appliance', c)]),
  ];
  const doc: Doc = [
    ...site.header.map((text) => [text === '' ? '#' : `# ${text}`, hardline]),
    site.header.length > 0 ? hardline : '',
    'from cdktf import TerraformStack',
    hardline,
    'from constructs import Construct',
    hardline,
    hardline,
    group([`from ${options.libraryModule} import `, ifBreak('('), indent([softline, join([',', line], names)]), ifBreak([',', softline, ')'])]),
    hardline,
    ...site.constants.flatMap((c) => [hardline, `${snakeCase(c.name)} = `, printer.value(c.value), hardline]),
    hardline,
    hardline,
    `class ${options.className}(TerraformStack):`,
    indent([hardline, '"""The VIP set read from the appliance, as constructs."""', hardline, hardline, 'def __init__(self, scope: Construct, id: str) -> None:', indent([hardline, ...body])]),
    hardline,
  ];
  return printDoc(doc, WIDTH, INDENT);
}
