import * as fs from 'fs';
import * as https from 'https';
import { LbcliCommand } from '../../render/loadbalancer-org/lbcli-command';
import { ENV } from '../../contract/environment';
import { CliError, EXIT } from '../../contract/exit-codes';
import { hostPort } from '../../net/host-port';
import { TargetLog } from '../target-log';
import { Credentials } from './credentials';
import { describeNetworkError } from './network-errors';

/** Where and how to reach the appliance's REST API v2. */
export interface ConnectionSettings {
  /** Management address (IPv4, IPv6 or DNS name). */
  readonly host: string;
  /** API port (9443 on the appliance). */
  readonly port: number;
  /** PEM file of the CA (or the appliance's own self-signed certificate) to verify against. */
  readonly caFile?: string;
  /** Skip certificate verification (explicit `--insecure` only; a warning is printed). */
  readonly insecure: boolean;
  /** Milliseconds to wait for the TCP and TLS handshake. */
  readonly connectTimeoutMs: number;
  /** Milliseconds to wait for one try of a request. */
  readonly requestTimeoutMs: number;
  /**
   * Milliseconds one request may take in all, its tries and the waits between them included:
   * a hung appliance fails within this, so the appliance's lock is not held for long.
   */
  readonly requestDeadlineMs: number;
  /** Retries after a network error or a 5xx answer (never after a 4xx). */
  readonly retries: number;
  /** Milliseconds before the first retry; doubled at each further one. */
  readonly retryDelayMs: number;
}

/** The statuses an lbcli command can answer with (reference: appliance-api.md). */
export type CommandStatus = 'success' | 'exists' | 'missing' | 'failed' | 'fatal';

/** The appliance's answer to one command of a request. */
export interface CommandResult {
  /** The status. */
  readonly status: CommandStatus;
  /** The appliance's message, if any. */
  readonly message?: string;
  /** The whole result object (a `list` carries its data here). */
  readonly raw: Record<string, unknown>;
}

const STATUSES: CommandStatus[] = ['success', 'exists', 'missing', 'failed', 'fatal'];

/** The path every request is POSTed to. */
export const API_PATH = '/api/v2/';

/** The shortest try worth starting before the deadline. */
const MIN_TRY_MS = 1_000;

/** A request that may be retried: the network failed, or the appliance answered 5xx. */
class RetryableError extends Error {}

/**
 * The REST API v2 client: one POST per call with `{"lbcli": [...]}`, the API key in
 * X-LB-APIKEY (base64) and HTTP Basic authentication when a user is set. TLS is verified
 * against the CA file (or the system's CAs). Network errors and 5xx are retried with
 * exponential backoff; 4xx never are.
 */
export class ApplianceApiClient {
  /** Requests sent (each try counts), for reports and benchmarks. */
  public requestsSent = 0;
  private readonly ca?: Buffer;

  constructor(
    private readonly settings: ConnectionSettings,
    private readonly credentials: Credentials,
    private readonly output: TargetLog,
  ) {
    if (settings.caFile) {
      try {
        this.ca = fs.readFileSync(settings.caFile);
      } catch (e) {
        throw new CliError(EXIT.usage, `CA file ${settings.caFile}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'}). Give --ca-file (or ${ENV.caFile}) a readable PEM file.`);
      }
    }
  }

  /** Where requests go, for messages. */
  public get endpoint(): string {
    return `https://${hostPort(this.settings.host, this.settings.port)}${API_PATH}`;
  }

  /** Sends commands in one request and returns one result per command the appliance ran. */
  public async send(commands: LbcliCommand[]): Promise<CommandResult[]> {
    return parseReply(await this.exchange(commands));
  }

  /**
   * Sends read commands (`list`) in one request and returns the reply as parsed JSON, whatever
   * its shape (appliance-reply.ts reads it), or undefined when it is not JSON.
   */
  public async read(commands: LbcliCommand[]): Promise<unknown> {
    const text = await this.exchange(commands);
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  /** One request, retried after network errors and 5xx; the reply's text. */
  private async exchange(commands: LbcliCommand[]): Promise<string> {
    const body = JSON.stringify({ lbcli: commands });
    const deadline = Date.now() + this.settings.requestDeadlineMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.post(body, Math.max(1, Math.min(this.settings.requestTimeoutMs, deadline - Date.now())));
      } catch (e) {
        if (!(e instanceof RetryableError)) throw e;
        const delay = this.settings.retryDelayMs * 2 ** attempt;
        const outOfTime = Date.now() + delay + MIN_TRY_MS > deadline;
        if (attempt >= this.settings.retries || outOfTime) {
          const why = outOfTime && attempt < this.settings.retries ? ` (out of time: ${ENV.requestDeadline} is ${this.settings.requestDeadlineMs} ms)` : '';
          throw new CliError(EXIT.unreachable, `appliance ${this.endpoint}: ${e.message}, after ${attempt + 1} tries${why}. Check that it is up and reachable, then run the same command again.`);
        }
        this.output.err(`appliance ${this.endpoint}: ${e.message}; retrying in ${delay} ms (${attempt + 1}/${this.settings.retries})`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private headers(body: string): Record<string, string> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      'X-LB-APIKEY': Buffer.from(this.credentials.apiKey).toString('base64'),
    };
    if (this.credentials.username && this.credentials.password) {
      headers.Authorization = `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`;
    }
    return headers;
  }

  private post(body: string, timeoutMs: number): Promise<string> {
    const s = this.settings;
    this.requestsSent++;
    this.output.debug(`POST ${this.endpoint} X-LB-APIKEY: [redacted]${this.credentials.username ? ' Authorization: [redacted]' : ''} body: ${body}`);
    return new Promise<string>((resolve, reject) => {
      const request = https.request({
        host: s.host, port: s.port, path: API_PATH, method: 'POST', headers: this.headers(body),
        ca: this.ca, rejectUnauthorized: !s.insecure, agent: false,
      });
      const fail = (error: Error) => {
        clearTimeout(requestTimer);
        clearTimeout(connectTimer);
        request.destroy();
        reject(error);
      };
      const requestTimer = setTimeout(() => fail(new RetryableError(`timed out: no answer within ${timeoutMs} ms`)), timeoutMs);
      const connectTimer = setTimeout(() => fail(new RetryableError(`timed out: no connection within ${s.connectTimeoutMs} ms`)), s.connectTimeoutMs);
      request.on('socket', (socket) => socket.once('secureConnect', () => clearTimeout(connectTimer)));
      request.on('error', (error: NodeJS.ErrnoException) => fail(classifyNetworkError(error)));
      request.on('response', (response) => {
        clearTimeout(connectTimer);
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => fail(new RetryableError(`reply cut off (${error.message})`)));
        response.on('aborted', () => fail(new RetryableError('reply cut off')));
        response.on('end', () => {
          clearTimeout(requestTimer);
          const text = Buffer.concat(chunks).toString('utf8');
          this.output.debug(`reply ${response.statusCode}: ${text}`);
          const status = response.statusCode ?? 0;
          if (status === 401 || status === 403) {
            reject(new CliError(EXIT.auth, `appliance ${this.endpoint}: credentials refused (HTTP ${status}). Check ${ENV.apiKey} (and ${ENV.username} / ${ENV.password} if the appliance wants them).`));
          } else if (status >= 500) {
            reject(new RetryableError(`HTTP ${status}`));
          } else if (status < 200 || status >= 300) {
            reject(new CliError(EXIT.refused, `appliance ${this.endpoint}: HTTP ${status}. The appliance rejected the request; run with --debug (or ${ENV.debug}=1) to see it.`));
          } else {
            resolve(text);
          }
        });
      });
      request.end(body);
    });
  }
}

const CERTIFICATE_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|UNABLE_TO_GET_ISSUER/;

/** A certificate problem is final (retrying cannot fix it); anything else on the network is retried. */
function classifyNetworkError(error: NodeJS.ErrnoException): Error {
  if (error instanceof CliError || error instanceof RetryableError) return error;
  if (error.code && CERTIFICATE_ERRORS.test(error.code)) {
    return new CliError(EXIT.unreachable, `appliance certificate not trusted (${error.code}). Give its CA certificate with --ca-file or ${ENV.caFile} (or, knowingly, --insecure).`);
  }
  return new RetryableError(describeNetworkError(error.code, error.message));
}

/** The command results of a reply, keyed `lbapi` (newer appliances) or `lbcli`, one object or a list. */
export function parseReply(text: string): CommandResult[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(EXIT.refused, `the appliance answered with something that is not JSON. Run with --debug (or ${ENV.debug}=1) to see it.`);
  }
  const container = (parsed ?? {}) as Record<string, unknown>;
  const results = container.lbapi ?? container.lbcli;
  const list = Array.isArray(results) ? results : results !== undefined ? [results] : [];
  return list.map((item) => {
    const raw = (item ?? {}) as Record<string, unknown>;
    const status = String(raw.status ?? '').toLowerCase() as CommandStatus;
    if (!STATUSES.includes(status)) {
      throw new CliError(EXIT.refused, `the appliance answered with an unknown status "${String(raw.status).slice(0, 40)}". Run with --debug (or ${ENV.debug}=1) to see the reply.`);
    }
    return { status, message: typeof raw.message === 'string' ? raw.message : undefined, raw };
  });
}
