import * as fs from 'fs';
import { CliError, EXIT } from '../contract/exit-codes';
import { ENV, FILE_SUFFIX } from '../contract/environment';
import { Credentials } from '../targets/loadbalancer-org/credentials';

type Environment = Record<string, string | undefined>;

/** A variable's value, or the content of the file its `_FILE` variant names (trailing newline dropped). */
function secretFromEnvironment(env: Environment, name: string): string | undefined {
  const direct = env[name];
  const file = env[name + FILE_SUFFIX];
  if (direct !== undefined && direct !== '') return direct;
  if (file === undefined || file === '') return undefined;
  try {
    return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    throw new CliError(EXIT.auth, `${name + FILE_SUFFIX}: cannot read the file it names (${(e as NodeJS.ErrnoException).code ?? 'error'}). Point it at a readable file.`);
  }
}

/** The credentials from the environment; an API key is required, user and password go together. */
export function readCredentials(env: Environment): Credentials {
  const apiKey = secretFromEnvironment(env, ENV.apiKey);
  const username = secretFromEnvironment(env, ENV.username);
  const password = secretFromEnvironment(env, ENV.password);
  if (!apiKey) {
    throw new CliError(EXIT.auth, `no API key: set ${ENV.apiKey} or ${ENV.apiKey + FILE_SUFFIX} in the environment (never in the app or on the command line).`);
  }
  if ((username === undefined) !== (password === undefined)) {
    throw new CliError(EXIT.auth, `${ENV.username} and ${ENV.password} go together: set both or neither.`);
  }
  return { apiKey, username, password };
}

/** Every secret value of the credentials, for the output redactor. */
export function secretValues(credentials: Credentials): string[] {
  const values = [credentials.apiKey, credentials.password, credentials.username].filter((v): v is string => !!v);
  const encoded = [Buffer.from(credentials.apiKey).toString('base64')];
  if (credentials.username && credentials.password) encoded.push(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
  return [...values, ...encoded];
}
