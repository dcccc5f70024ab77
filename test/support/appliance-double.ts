/**
 * CONTRACT DOUBLE of a Loadbalancer.org appliance's REST API v2 — NOT the real appliance,
 * which cannot run here. It implements what /work/shared/reference/appliance-api.md states:
 * `POST /api/v2/` over HTTPS (self-signed certificate, made at test time), X-LB-APIKEY
 * (base64 of the key) and HTTP Basic authentication enforced (401), a body of
 * `{"lbcli": [...]}` whose commands run in order against an in-memory configuration, results
 * with `success` / `exists` / `missing` / `failed` / `fatal`, keyed `lbapi` (or `lbcli`).
 * UNVERIFIED and chosen here: the replies of `list` (it speaks each dialect of
 * appliance-reply-dialects.ts, `project` by default), that a batch stops at its first
 * failed/fatal command, and that edit-* merges the parameters given.
 *
 * For tests it records every request, counts the requests in flight and their peak, and
 * injects faults: refused connections (down/up), resets, delays, drops mid-request (before or
 * after the commands ran), 5xx answers and `failed` results.
 */
import * as fs from 'fs';
import * as https from 'https';
import { AddressInfo } from 'net';
import { makeSelfSignedCertificate } from './appliance-double-cert';
import { listAnswer, ReplyDialect } from './appliance-reply-dialects';
import { SPEC_SCHEMA_VERSION } from '../../lib/spec/virtual-service-spec';

/** One lbcli command as received. */
export type Command = Record<string, string>;

/** One request the double received. */
export interface RecordedRequest {
  /** The commands of the body (empty when unreadable or unauthorized). */
  readonly commands: Command[];
  /** The HTTP status answered (0 when the connection was dropped). */
  status: number;
  /** The status each command answered, in order. */
  readonly answers: string[];
  /** The raw headers, for tests that check what was sent. */
  readonly headers: Record<string, string | string[] | undefined>;
  /** The raw body. */
  readonly body: string;
}

/** A fault applied to one upcoming request. */
export type Fault =
  | { readonly kind: 'reset' } // the TCP connection is reset at once
  | { readonly kind: 'delay'; readonly ms: number } // the answer comes late
  | { readonly kind: 'drop-before' } // the request is read, nothing runs, the connection closes without an answer
  | { readonly kind: 'drop-after' } // the commands run, the connection closes without an answer
  | { readonly kind: 'status'; readonly code: number } // an HTTP error answer, nothing runs
  | { readonly kind: 'failed'; readonly action: string; readonly message?: string } // the first command with this action answers failed
  | { readonly kind: 'echo'; readonly text: string }; // the commands run, the reply is one failed result whose message is this text (an appliance echoing what it got)

/** Options of the double. */
export interface ApplianceDoubleOptions {
  /** The API key it accepts. */
  readonly apiKey: string;
  /** The WebUI user it requires with Basic authentication, if any. */
  readonly username?: string;
  /** The WebUI password. */
  readonly password?: string;
  /** The reply's key: `lbapi` (newer appliances, default) or `lbcli`. */
  readonly replyKey?: 'lbapi' | 'lbcli';
  /** Milliseconds every request takes, so that overlapping requests would be seen. */
  readonly latencyMs?: number;
  /** How it answers `list` reads. @default 'project' */
  readonly dialect?: ReplyDialect;
}

interface StoredRealServer {
  parameters: Command;
  state: string;
}

interface StoredVip {
  parameters: Command;
  realServers: Map<string, StoredRealServer>;
}

interface Result {
  readonly action: string;
  readonly status: 'success' | 'exists' | 'missing' | 'failed' | 'fatal';
  readonly message?: string;
  readonly config?: unknown;
}

const WRITE_ACTIONS = ['add-vip', 'edit-vip', 'delete-vip', 'add-rip', 'edit-rip', 'delete-rip', 'drain', 'halt', 'online', 'reload-haproxy', 'reload-ldirectord'];

function withoutAction(command: Command): Command {
  const { action: _action, ...rest } = command;
  return rest;
}

/** The Loadbalancer.org appliance contract double. */
export class ApplianceDouble {
  /** Starts a double on 127.0.0.1 with a fresh self-signed certificate. */
  public static async start(options: ApplianceDoubleOptions): Promise<ApplianceDouble> {
    const double = new ApplianceDouble(options);
    await double.up();
    return double;
  }

  /** Every request received, in order. */
  public readonly requests: RecordedRequest[] = [];
  /** The most requests ever in flight at once. */
  public peakConcurrency = 0;
  /** The configuration, by VIP name. */
  public readonly vips = new Map<string, StoredVip>();
  /** The CA file clients must trust (the self-signed certificate). */
  public readonly caFile: string;
  /** The port it listens on (kept across down/up). */
  public port = 0;
  /** The host it listens on. */
  public readonly host = '127.0.0.1';
  private inFlight = 0;
  private readonly faults: Fault[] = [];
  private readonly server: https.Server;
  private readonly certFolder: string;

  private constructor(private readonly options: ApplianceDoubleOptions) {
    this.dialect = options.dialect ?? 'project';
    const cert = makeSelfSignedCertificate();
    this.certFolder = cert.folder;
    this.caFile = cert.certFile;
    this.server = https.createServer({ cert: fs.readFileSync(cert.certFile), key: fs.readFileSync(cert.keyFile) }, (req, res) => this.handle(req, res));
    this.server.on('connection', (socket: import('net').Socket) => {
      if (this.faults[0]?.kind === 'reset') {
        this.faults.shift();
        socket.resetAndDestroy();
      }
    });
  }

  /** Listens (again, on the same port after {@link down}). */
  public up(): Promise<void> {
    return new Promise((resolve) => this.server.listen(this.port, this.host, () => {
      this.port = (this.server.address() as AddressInfo).port;
      resolve();
    }));
  }

  /** Stops listening: connections are refused until {@link up}. */
  public down(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Stops for good and removes the certificate. */
  public async stop(): Promise<void> {
    if (this.server.listening) await this.down();
    fs.rmSync(this.certFolder, { recursive: true, force: true });
  }

  /** Drops the faults not yet used. */
  public clearFaults(): void {
    this.faults.length = 0;
  }

  /** Queues faults for the next requests, one each, in order. */
  public injectFaults(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** The appliance description a client needs: an ApplianceSpec for this double. */
  public applianceSpec(name = 'lb-double'): { schemaVersion: number; name: string; managementAddresses: string[]; apiPort: number; subnets: string[] } {
    return { schemaVersion: SPEC_SCHEMA_VERSION, name, managementAddresses: [this.host], apiPort: this.port, subnets: [] };
  }

  /** The edit-* commands that changed a stored value (an edit that repeats what is there changes nothing). */
  public readonly effectiveEdits: Command[] = [];
  /** How it answers `list` reads (changeable between runs). */
  public dialect: ReplyDialect;

  /** Every write command received (everything but `list`), in order, from answered requests. */
  public writes(): Command[] {
    return this.requests.flatMap((r) => r.commands).filter((c) => WRITE_ACTIONS.includes(c.action));
  }

  /** Forgets the recorded requests and peak (the configuration stays). */
  public clearRecords(): void {
    this.requests.length = 0;
    this.effectiveEdits.length = 0;
    this.peakConcurrency = 0;
  }

  /** The configuration as `list` / `dumpconfig` reports it. */
  public dumpConfig(): { vips: Record<string, unknown>[] } {
    return {
      vips: [...this.vips.values()].map((vip) => ({
        ...vip.parameters,
        rips: [...vip.realServers.values()].map((rip) => ({ ...rip.parameters, state: rip.state, health: rip.state === 'online' ? 'up' : rip.state })),
      })),
    };
  }

  private handle(req: import('http').IncomingMessage, res: import('http').ServerResponse): void {
    this.inFlight++;
    this.peakConcurrency = Math.max(this.peakConcurrency, this.inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        this.inFlight--;
      }
    };
    res.on('close', finish);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const record: RecordedRequest = { commands: [], status: 0, answers: [], headers: req.headers, body };
      this.requests.push(record);
      const fault = this.faults[0]?.kind === 'reset' ? undefined : this.faults.shift();
      const latency = (this.options.latencyMs ?? 0) + (fault?.kind === 'delay' ? fault.ms : 0);
      setTimeout(() => this.answer(req, res, record, fault), latency);
    });
  }

  private answer(req: import('http').IncomingMessage, res: import('http').ServerResponse, record: RecordedRequest, fault: Fault | undefined): void {
    const reply = (status: number, payload: unknown) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'POST' || req.url !== '/api/v2/') return reply(404, { error: 'not found' });
    if (!this.authorized(req)) return reply(401, { error: 'unauthorized' });
    if (fault?.kind === 'status') return reply(fault.code, { error: 'injected' });
    let commands: Command[];
    try {
      const parsed = JSON.parse(record.body) as { lbcli?: unknown };
      if (!Array.isArray(parsed.lbcli)) throw new Error('no lbcli list');
      commands = parsed.lbcli as Command[];
    } catch {
      return reply(400, { error: 'body must be {"lbcli": [...]}' });
    }
    (record.commands as Command[]).push(...commands);
    if (fault?.kind === 'drop-before') return void req.socket.destroy();
    const replyKey = this.options.replyKey ?? 'lbapi';
    const whole = commands.length === 1 && commands[0].action === 'list' ? listAnswer(this.dialect, commands[0], [...this.vips.values()], replyKey).body : undefined;
    const results = this.run(commands, fault?.kind === 'failed' ? fault : undefined);
    record.answers.push(...results.map((r) => r.status));
    if (fault?.kind === 'drop-after') return void req.socket.destroy();
    if (fault?.kind === 'echo') return reply(200, { [replyKey]: [{ action: commands[0]?.action, status: 'failed', message: fault.text }] });
    reply(200, whole ?? { [replyKey]: results });
  }

  private authorized(req: import('http').IncomingMessage): boolean {
    const key = req.headers['x-lb-apikey'];
    if (key !== Buffer.from(this.options.apiKey).toString('base64')) return false;
    if (this.options.username === undefined) return true;
    const expected = `Basic ${Buffer.from(`${this.options.username}:${this.options.password ?? ''}`).toString('base64')}`;
    return req.headers.authorization === expected;
  }

  /** edit-*: merges the parameters given, recording the edit when it changed anything. */
  private merge(stored: Command, command: Command): void {
    const given = withoutAction(command);
    if (Object.entries(given).some(([key, value]) => stored[key] !== value)) this.effectiveEdits.push(command);
    Object.assign(stored, given);
  }

  /** Runs commands in order; stops after the first failed or fatal one. */
  private run(commands: Command[], failing: { action: string; message?: string } | undefined): Result[] {
    const results: Result[] = [];
    let injected = false;
    for (const command of commands) {
      let result: Result;
      if (failing && !injected && command.action === failing.action) {
        injected = true;
        result = { action: command.action, status: 'failed', message: failing.message ?? 'injected failure' };
      } else {
        result = this.execute(command);
      }
      results.push(result);
      if (result.status === 'failed' || result.status === 'fatal') break;
    }
    return results;
  }

  private execute(command: Command): Result {
    const action = command.action;
    const ok = (status: Result['status'] = 'success', extra: Partial<Result> = {}): Result => ({ action, status, ...extra });
    if (Object.values(command).some((v) => typeof v !== 'string')) return ok('failed', { message: 'every parameter must be a string' });
    const vip = command.vip !== undefined ? this.vips.get(command.vip) : undefined;
    const rip = command.rip !== undefined ? vip?.realServers.get(command.rip) : undefined;
    switch (action) {
      case 'list':
        return listAnswer(this.dialect, command, [...this.vips.values()], '').result as unknown as Result ?? ok();
      case 'add-vip':
        if (!command.vip || !['4', '7'].includes(command.layer)) return ok('failed', { message: 'add-vip needs --vip and --layer 4|7' });
        if (vip) return ok('exists');
        this.vips.set(command.vip, { parameters: withoutAction(command), realServers: new Map() });
        return ok();
      case 'edit-vip':
        if (!vip) return ok('missing');
        if (command.layer !== undefined && command.layer !== vip.parameters.layer) return ok('failed', { message: 'the layer of a VIP cannot be edited' });
        this.merge(vip.parameters, command);
        return ok();
      case 'delete-vip':
        if (!vip) return ok('missing');
        this.vips.delete(command.vip);
        return ok();
      case 'add-rip':
        if (!vip) return ok('missing', { message: `no VIP ${command.vip}` });
        if (!command.rip) return ok('failed', { message: 'add-rip needs --rip' });
        if (rip) return ok('exists');
        vip.realServers.set(command.rip, { parameters: withoutAction(command), state: 'online' });
        return ok();
      case 'edit-rip':
        if (!rip) return ok('missing');
        this.merge(rip.parameters, command);
        return ok();
      case 'delete-rip':
        if (!rip) return ok('missing');
        vip!.realServers.delete(command.rip);
        return ok();
      case 'drain':
      case 'halt':
      case 'online':
        if (!rip) return ok('missing');
        rip.state = action;
        return ok();
      case 'reload-haproxy':
      case 'reload-ldirectord':
        return ok();
      default:
        return ok('failed', { message: `unknown action ${action}` });
    }
  }
}
