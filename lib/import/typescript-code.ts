import { CodeField, CodeValue, siteTypes, SiteCode } from './code-model';
import { quoteLiteral } from './string-literal';
import { Doc, group, hardline, ifBreak, indent, join, line, printDoc, softline } from './layout';

/**
 * Prints a {@link SiteCode} as a TypeScript module that exports one `TerraformStack` class,
 * laid out exactly as prettier lays it out with `--single-quote` (80 columns, 2 spaces,
 * trailing commas): the import tests check the output with `prettier --check`.
 */

/** The width and indentation prettier uses by default. */
const WIDTH = 80;
const INDENT = 2;

/** A string literal as prettier writes it with `--single-quote`: single quotes unless the text holds more of them than double quotes. */
export function quoteTs(value: string): string {
  return quoteLiteral(value, "'");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quoteTs(name);
}

/** `{ a, b }` on one line when it fits, else one entry a line with a trailing comma. */
function bracketed(open: string, close: string, entries: Doc[], spaced: boolean, shouldBreak = false): Doc {
  if (entries.length === 0) return `${open}${close}`;
  const edge = spaced ? line : softline;
  return group([open, indent([edge, join([',', line], entries)]), ifBreak(','), edge, close], shouldBreak);
}

function fieldDocs(fields: CodeField[]): Doc[] {
  return fields.map((f) => [key(f.name), ': ', valueDoc(f.value)]);
}

/** How many entries an object or list value has (prettier always breaks a list of several such values with more than one entry each). */
function objectSize(value: CodeValue): number | undefined {
  if (value.kind === 'props' || value.kind === 'map') return (value.kind === 'props' ? value.fields : value.entries).length;
  if (value.kind === 'changed') return value.fields.length + 1;
  return undefined;
}

function listBreaks(items: CodeValue[]): boolean {
  return items.length > 1 && items.every((item) => (objectSize(item) ?? 0) > 1);
}

function valueDoc(value: CodeValue): Doc {
  switch (value.kind) {
    case 'text':
      return quoteTs(value.value);
    case 'number':
    case 'boolean':
      return String(value.value);
    case 'enum':
      return `${value.type}.${value.member}`;
    case 'call':
      return [`${value.type}.${value.method}`, args(value.args)];
    case 'props':
      return bracketed('{', '}', fieldDocs(value.fields), true);
    case 'map':
      return bracketed('{', '}', fieldDocs(value.entries), true);
    case 'list':
      return bracketed('[', ']', value.items.map(valueDoc), false, listBreaks(value.items));
    case 'ref':
      return value.name;
    case 'element':
      return `${value.list}[${value.index}]`;
    case 'changed':
      return bracketed('{', '}', [`...${value.list}[${value.index}]`, ...fieldDocs(value.fields)], true);
  }
}

/** Call arguments; a last object argument "hugs" the parentheses, as prettier prints it. */
function args(values: CodeValue[]): Doc {
  const last = values[values.length - 1];
  if (last !== undefined && objectSize(last) !== undefined) {
    return ['(', ...values.slice(0, -1).map((v) => [valueDoc(v), ', ']), valueDoc(last), ')'];
  }
  return bracketed('(', ')', values.map(valueDoc), false);
}

function newConstruct(type: string, scope: string, id: string, props: CodeValue): Doc {
  return [`new ${type}`, ['(', `${scope}, `, quoteTs(id), ', ', valueDoc(props), ')'], ';'];
}

/** Options of the TypeScript output. */
export interface TypeScriptCodeOptions {
  /** Where the constructs are imported from. */
  readonly libraryImport: string;
  /** The exported stack class's name. */
  readonly className: string;
}

/** The whole module, formatted. */
export function typeScriptCode(site: SiteCode, options: TypeScriptCodeOptions): string {
  const importLine = (names: string[], from: string): Doc => group(['import {', indent([line, join([',', line], names)]), ifBreak(','), line, '} from ', quoteTs(from), ';']);
  const body: Doc[] = [
    'super(scope, id);',
    hardline,
    hardline,
    ['const appliance = ', newConstruct(site.appliance.type, 'this', site.appliance.id, site.appliance.props)],
    ...site.constructs.flatMap((c) => [hardline, newConstruct(c.type, 'appliance', c.id, c.props)]),
  ];
  const doc: Doc = [
    ...site.header.map((text) => [text === '' ? '//' : `// ${text}`, hardline]),
    site.header.length > 0 ? hardline : '',
    importLine(['TerraformStack'], 'cdktf'),
    hardline,
    importLine(['Construct'], 'constructs'),
    hardline,
    importLine(siteTypes(site), options.libraryImport),
    hardline,
    ...site.constants.flatMap((c) => [hardline, `const ${c.name}: ${c.elementType}[] = `, valueDoc(c.value), ';', hardline]),
    hardline,
    '/** The VIP set read from the appliance, as constructs. */',
    hardline,
    `export class ${options.className} extends TerraformStack {`,
    indent([hardline, 'constructor(scope: Construct, id: string) {', indent([hardline, ...body]), hardline, '}']),
    hardline,
    '}',
    hardline,
  ];
  return printDoc(doc, WIDTH, INDENT);
}
