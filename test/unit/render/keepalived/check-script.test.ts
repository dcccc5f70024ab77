/**
 * The bundled MISC_CHECK script, run for real with the arguments keepalived would give it
 * (split from the rendered `misc_path`, no shell), against real peers on loopback: dcmtk
 * `storescp` accepting and refusing associations, the MLLP test peer answering AA, AE and AR,
 * a peer that accepts TCP and never answers, and ping.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as net from 'net';
import { HealthCheck, Ports } from '../../../../lib';
import { CHECK_SCRIPT_INSTALL_PATH, renderCheckScript } from '../../../../lib/render/keepalived/check-script';
import { renderKeepalivedConf } from '../../../../lib/render/keepalived/keepalived-conf';
import { resolveVirtualService } from '../../../../lib/spec/resolved-virtual-service';
import { dicomAssociateRequest } from '../../../../lib/render/probes/dicom-association';
import { startStorescp, stopAllPeers, Storescp } from '../../../support/dicom-peers';
import { freePort } from '../../../support/free-port';
import { MllpPeer, startMllpPeer } from '../../../support/mllp-peer';
import { layer4, site } from './layer4-site';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-check-'));
const script = path.join(folder, 'pacs-lb-check');

interface Run {
  status: number | null;
  stderr: string;
}

/**
 * Runs the script as keepalived does: an argument vector, no shell; optionally in a fresh
 * network namespace. Asynchronous, so the in-process MLLP peer can answer meanwhile.
 */
function run(args: string[], isolated = false): Promise<Run> {
  const [command, prefix] = isolated ? ['unshare', ['-n', script]] : [script, []];
  return new Promise((resolve) => {
    const child = spawn(command, [...prefix, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

/** The arguments keepalived would pass for a check of real server 127.0.0.1 on `port`: its misc_path, split on spaces. */
function keepalivedArgs(healthCheck: HealthCheck, port: number): string[] {
  const s = site((a) => layer4(a, 'V', { ports: Ports.single(port), address: '192.0.2.100', healthCheck, realServers: [{ name: 'LOCAL', address: '127.0.0.1' }] }), { subnets: [] });
  const conf = renderKeepalivedConf(s.appliance, s.vips.map(resolveVirtualService));
  const words = /misc_path "([^"]+)"/.exec(conf)![1].split(' ');
  expect(words[0]).toBe(CHECK_SCRIPT_INSTALL_PATH);
  return words.slice(1);
}

let archive: Storescp;
let refusing: Storescp;
let hl7: MllpPeer;
let hl7InError: MllpPeer;
let silent: net.Server;
let silentPort: number;

beforeAll(async () => {
  fs.writeFileSync(script, renderCheckScript(), { mode: 0o755 });
  archive = await startStorescp({ aeTitle: 'ARCHIVE' });
  refusing = await startStorescp({ aeTitle: 'ARCHIVE', refuse: true });
  hl7 = await startMllpPeer({ application: 'PACS' });
  hl7InError = await startMllpPeer({ application: 'PACS', inError: true });
  silent = net.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await stopAllPeers();
  await hl7.stop();
  await hl7InError.stop();
  silent.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('pacs-lb-check', () => {
  it('is valid bash', () => {
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
  });

  describe('dicom', () => {
    it('is healthy when storescp accepts the association (A-ASSOCIATE-AC)', async () => {
      expect(await run(keepalivedArgs(HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE' }), archive.port))).toEqual({ status: 0, stderr: '' });
    });

    it('is unhealthy when storescp is up but refuses the association (A-ASSOCIATE-RJ), where a connect check would pass', async () => {
      const result = await run(keepalivedArgs(HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE' }), refusing.port));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('association rejected (A-ASSOCIATE-RJ)');
    });

    it('is unhealthy when nothing listens', async () => {
      const closed = await freePort();
      const result = await run(keepalivedArgs(HealthCheck.dicomAssociation(), closed));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`cannot connect to 127.0.0.1 port ${closed}`);
    });

    it('is unhealthy, and ends by its own time limit, when the peer accepts TCP and never answers', async () => {
      const result = await run(keepalivedArgs(HealthCheck.dicomAssociation({ timeoutSeconds: 1 }), silentPort));
      expect(result.status).toBe(124);
    });
  });

  describe('hl7', () => {
    it('is healthy when the acknowledgement carries MSA|AA', async () => {
      const before = hl7.received.length;
      expect(await run(keepalivedArgs(HealthCheck.hl7Mllp(), hl7.port))).toEqual({ status: 0, stderr: '' });
      expect(hl7.received.slice(before)).toEqual(['MSH|^~\\&|PACSLB|PACSLB|PACS|PACS|20000101000000||NMQ^N01|PACSLB-CHECK|P|2.5\r']);
    });

    it('is unhealthy on MSA|AE (application error)', async () => {
      const result = await run(keepalivedArgs(HealthCheck.hl7Mllp(), hl7InError.port));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('acknowledgement is not MSA|AA');
    });

    it('is unhealthy on MSA|AR (the receiver rejects a message for another application)', async () => {
      expect((await run(keepalivedArgs(HealthCheck.hl7Mllp({ receivingApplication: 'OTHER' }), hl7.port))).status).toBe(1);
    });
  });

  describe('ping', () => {
    it('is healthy when the host answers', async () => {
      expect(await run(keepalivedArgs(HealthCheck.ping(), 104))).toEqual({ status: 0, stderr: '' });
    });

    it('is unhealthy when the host does not answer (a network namespace whose loopback is down)', async () => {
      expect((await run(keepalivedArgs(HealthCheck.ping({ timeoutSeconds: 1 }), 104), true)).status).not.toBe(0);
    });
  });

  describe('arguments', () => {
    const request = dicomAssociateRequest('ARCHIVE', 'PACSLB-CHECK').toString('hex');
    const marker = path.join(folder, 'injected');

    it.each([
      ['a host with a shell command', ['dicom', `127.0.0.1;touch ${marker}`, '104', '2', request]],
      ['a host with a command substitution', ['ping', `$(touch ${marker})`, '2']],
      ['a port with a space', ['dicom', '127.0.0.1', '104 5', '2', request]],
      ['a port out of range', ['dicom', '127.0.0.1', '70000', '2', request]],
      ['a request that is not hex', ['dicom', '127.0.0.1', '104', '2', `00;touch ${marker}`]],
      ['too few arguments', ['hl7', '127.0.0.1', '2575']],
      ['an unknown mode', ['rm', '-rf', '/']],
      ['no mode', []],
    ])('refuses %s with status 2 and runs nothing', async (_what, args) => {
      expect((await run(args)).status).toBe(2);
      expect(fs.existsSync(marker)).toBe(false);
    });
  });
});
