import { IConstruct } from 'constructs';
import { factoryInputOf } from '../spec/factory-input';
import { JsonSchema } from '../spec/spec-schema';
import { ValidationProblem } from './problem';
import { schemaProblems } from './schema-problems';

/**
 * The props a construct was given and the schema they must meet, checked at synth before the
 * construct's spec is made or any other rule runs. A subclass declares again, replacing what
 * its base declared (a DicomVip's props are not a Layer4Vip's).
 */
const DECLARED = new WeakMap<IConstruct, { schema: JsonSchema; props: unknown }>();

/** Records the props of a construct and their schema. */
export function declareProps(construct: IConstruct, schema: JsonSchema, props: unknown): void {
  DECLARED.set(construct, { schema, props });
}

/**
 * Every way the construct's props break their schema, as problems of `subject`. `current`
 * replaces fields that later calls changed (real servers added with `addRealServer`).
 */
export function declaredPropsProblems(construct: IConstruct, subject: string, current: Record<string, unknown> = {}): ValidationProblem[] {
  const declared = DECLARED.get(construct);
  if (!declared) return [];
  const props = declared.props !== null && typeof declared.props === 'object' && !Array.isArray(declared.props) ? { ...declared.props, ...current } : declared.props;
  return schemaProblems(declared.schema, props, subject);
}

/**
 * Every way the options a value's factory was given break that factory's options schema
 * (`schemas`, by factory name, from the constructs' props schemas), under `field`.
 */
export function factoryOptionProblems(made: unknown, subject: string, field: string, schemas: Readonly<Record<string, JsonSchema>>): ValidationProblem[] {
  const input = factoryInputOf(made);
  const schema = input && schemas[input.factory];
  return input && schema ? schemaProblems(schema, input.options, subject, field) : [];
}
