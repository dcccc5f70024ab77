import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { JsonSchema } from '../spec/spec-schema';
import { printable } from '../net/printable';
import { nearestWord } from './nearest-word';
import { problem, ValidationProblem } from './problem';

/**
 * Checks a value against a JSON Schema with ajv and turns every finding into the library's
 * message form, `<subject>: <field>: <what is wrong>. <what to do>.`: the wrong type named
 * (`"50" is text, not a number`), the allowed values of an enum with the nearest one, the
 * nearest known key of an unknown one. Used for spec files and, with the `instanceOf`
 * keyword, for construct props.
 */

/** A class a props schema may require with `instanceOf`, and how users make one. */
export interface SchemaClass {
  /** The class. */
  readonly type: Function;
  /** How to create one, for the message: `HealthCheck.connect(), HealthCheck.httpGet()...`. */
  readonly create: string;
}

/** Classes that props schemas name in `instanceOf`, by name. Filled by the modules that define props schemas. */
const CLASSES = new Map<string, SchemaClass>();

/** Makes a class known to the `instanceOf` keyword under its name. */
export function registerSchemaClass(name: string, entry: SchemaClass): void {
  CLASSES.set(name, entry);
}

// Unoptimized code compiles in about half the time, which every pacs-lb command pays; the
// inputs are small, so validating them is quick either way.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, code: { optimize: false } });
ajv.addKeyword({
  keyword: 'instanceOf',
  schemaType: 'string',
  errors: true,
  validate: (name: string, data: unknown) => {
    const entry = CLASSES.get(name);
    return entry !== undefined && data instanceof entry.type;
  },
});

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validator(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Words for what a value is: `text`, `a number`, `a list`, `an object`, `a Ports`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'function') return 'a function';
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'a plain object';
}

/** The value as a message quotes it: text in quotes, made printable; other values by their kind. */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return `"${printable(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return kindOf(value);
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  array: 'a list',
  object: 'an object',
  boolean: 'true or false',
};

/** The JSON path of ajv (`/realServers/0/port`) as users know it: `realServers[EA1].port`. */
function fieldPath(root: unknown, instancePath: string, prefix: string, key?: string): string {
  const segments = instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (key !== undefined) segments.push(key);
  let value: unknown = root;
  let path = prefix;
  for (const segment of segments) {
    if (Array.isArray(value)) {
      const item: unknown = value[Number(segment)];
      const name = (item as { name?: unknown } | null)?.name;
      path += `[${typeof name === 'string' && name !== '' ? printable(name) : segment}]`;
    } else {
      path += path === '' ? printable(segment) : `.${printable(segment)}`;
    }
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return path || '(whole)';
}

/** What a schema wants, in words: `one of SP1, SP2`, `a Ports (Ports.single(104)...)`, `a number`. */
function expectedWords(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.join(', ')}`;
  if (typeof schema.instanceOf === 'string') return `a ${schema.instanceOf}, made with ${CLASSES.get(schema.instanceOf)?.create ?? 'its factories'}`;
  return `it as ${TYPE_WORDS[String(schema.type)] ?? 'the field describes'}`;
}

function typeProblem(subject: string, field: string, value: unknown, expected: string): ValidationProblem {
  const wanted = expected.split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
  const numeric = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
  const fix = numeric && /number/.test(wanted) ? `Write ${printable(value.trim())} without quotes` : `Give ${wanted}`;
  const quoted = quoteValue(value);
  const kind = kindOf(value);
  return problem(subject, field, `${quoted === kind ? '' : `${quoted} `}is ${kind}, not ${wanted}`, fix);
}

function enumProblem(subject: string, field: string, value: unknown, allowed: unknown[]): ValidationProblem {
  const words = allowed.map(String);
  const near = typeof value === 'string' ? nearestWord(value, words) : undefined;
  const what = field.split(/[.[]/).pop()!.replace(/]$/, '');
  return problem(subject, field, `${quoteValue(value)} is not a known ${what}`, `Use ${near ? `${near} (the nearest), or another of ` : 'one of '}${words.join(', ')}`);
}

function unknownKeyProblem(subject: string, field: string, key: string, known: string[]): ValidationProblem {
  const near = nearestWord(key, known);
  const fix = near ? `Did you mean ${near}? Correct its spelling, or remove it` : `Remove it; the known keys are ${known.join(', ')}`;
  return problem(subject, field, 'is not a known key', fix);
}

function toProblem(subject: string, root: unknown, prefix: string, error: ErrorObject): ValidationProblem | undefined {
  const field = fieldPath(root, error.instancePath, prefix);
  switch (error.keyword) {
    case 'type':
      return typeProblem(subject, field, error.data, String(error.params.type));
    case 'enum':
      return enumProblem(subject, field, error.data, error.params.allowedValues as unknown[]);
    case 'required': {
      const missing = String(error.params.missingProperty);
      const expected = ((error.parentSchema as { properties?: Record<string, JsonSchema> }).properties ?? {})[missing] ?? {};
      return problem(subject, fieldPath(root, error.instancePath, prefix, missing), 'is missing', `Give ${expectedWords(expected)}`);
    }
    case 'additionalProperties': {
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return unknownKeyProblem(subject, fieldPath(root, error.instancePath, prefix, error.params.additionalProperty), error.params.additionalProperty, known);
    }
    case 'instanceOf': {
      const entry = CLASSES.get(String(error.schema));
      return problem(subject, field, `${quoteValue(error.data)} is not a ${String(error.schema)}`, `Create it with ${entry?.create ?? String(error.schema)}`);
    }
    case 'minItems':
    case 'maxItems':
      return problem(subject, field, `has ${(error.data as unknown[]).length} entries, and ${error.message}`, `Give ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${error.params.limit}`);
    case 'if':
      return undefined;
    default:
      return problem(subject, field, `${quoteValue(error.data)} ${error.message ?? 'is not allowed'}`, 'Correct it');
  }
}

/**
 * Every way the value breaks the schema, as problems of `subject`; none when it conforms.
 * `field` names the value itself when it is part of something larger (`healthCheck`).
 */
export function schemaProblems(schema: JsonSchema, value: unknown, subject: string, field = ''): ValidationProblem[] {
  const validate = validator(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).flatMap((error) => toProblem(subject, value, field, error) ?? []);
}
