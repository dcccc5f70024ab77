/**
 * The example's nftables.nft, loaded for real (`nft -f`) in a "load balancer" namespace, marks
 * the packets IPVS would then hand to keepalived's fwmark virtual servers: every port of
 * DAS_Pool (104, 4100, 8080) gets 1009, every TCP port of DB_MT's address but 20000 gets 1007,
 * other traffic is left unmarked. A client namespace sends TCP SYNs; an observation table added
 * by the test (not part of the rendered file) counts, per port, packets and marked packets.
 * Loading the file twice proves it replaces its own table. The SNAT rules are loaded too, but
 * only IPVS (absent from this sandbox's kernel) would exercise them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTree, synthesizeExample } from '../../support/stacks';
import { inNamespace, Namespaces, run } from './namespaces';

const DAS = '192.0.2.101';
const DB = '198.51.100.100';

/** Where a SYN goes, and the mark it must carry when it arrives (0: none). */
const PROBES: [string, number, number][] = [
  [DAS, 104, 1009],
  [DAS, 4100, 1009],
  [DAS, 8080, 1009],
  [DAS, 9999, 0],
  [DB, 1, 1007],
  [DB, 5432, 1007],
  [DB, 65535, 1007],
  [DB, 20000, 0],
];

const namespaces = new Namespaces('pacslb-mark');
let lb: string;
let client: string;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-marks-'));

/** The observation table: for each probe, one rule counting its packets and one counting those with the expected mark (or any mark when none is expected). */
function observationTable(): string {
  const rules = PROBES.flatMap(([address, port, mark]) => [
    `ip daddr ${address} tcp dport ${port} counter comment "all ${address}:${port}"`,
    `ip daddr ${address} tcp dport ${port} meta mark ${mark === 0 ? '!= 0' : mark} counter comment "marked ${address}:${port}"`,
  ]);
  return ['table inet observe {', '  chain input {', '    type filter hook input priority filter; policy accept;', ...rules.map((r) => `    ${r}`), '  }', '}', ''].join('\n');
}

/** Packets counted by each commented rule of the observation table. */
function counters(): Record<string, number> {
  const json = JSON.parse(inNamespace(lb, 'nft', ['-j', 'list', 'table', 'inet', 'observe']).output);
  const counts: Record<string, number> = {};
  for (const entry of json.nftables) {
    const rule = entry.rule;
    if (!rule?.comment) continue;
    const counter = rule.expr.find((e: { counter?: { packets: number } }) => e.counter);
    counts[rule.comment] = counter.counter.packets;
  }
  return counts;
}

beforeAll(() => {
  const rules = path.join(folder, 'nftables.nft');
  fs.writeFileSync(rules, readTree(synthesizeExample())['nftables.nft']);
  fs.writeFileSync(path.join(folder, 'observe.nft'), observationTable());
  lb = namespaces.add('lb');
  client = namespaces.add('client');
  run('ip', ['link', 'add', 'name', 'eth0', 'netns', lb, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', client]);
  for (const [ns, host] of [[lb, 5], [client, 50]] as const) {
    run('ip', ['-n', ns, 'addr', 'add', `192.0.2.${host}/24`, 'dev', 'eth0']);
    run('ip', ['-n', ns, 'addr', 'add', `198.51.100.${host}/24`, 'dev', 'eth0']);
    run('ip', ['-n', ns, 'link', 'set', 'eth0', 'up']);
  }
  for (const vip of [DAS, DB]) run('ip', ['-n', lb, 'addr', 'add', `${vip}/32`, 'dev', 'lo']);
  for (const file of ['nftables.nft', 'nftables.nft', 'observe.nft']) {
    const loaded = inNamespace(lb, 'nft', ['-f', path.join(folder, file)]);
    if (loaded.status !== 0) throw new Error(`nft -f ${file}: ${loaded.output}`);
  }
  // One TCP connection attempt per probe (refused: nothing listens; the SYN is what is counted).
  for (const [address, port] of PROBES) {
    inNamespace(client, 'timeout', ['2', 'bash', '-c', `exec 3<>/dev/tcp/${address}/${port}`]);
  }
});

afterAll(() => {
  namespaces.deleteAll();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('nftables.nft firewall marks, live', () => {
  it('loading the file twice leaves one pacs_lb table (it replaces its own table)', () => {
    const tables = inNamespace(lb, 'nft', ['list', 'tables']).output;
    expect(tables.match(/table inet pacs_lb/g)).toHaveLength(1);
  });

  it.each(PROBES)('a SYN to %s port %i arrives with mark %i', (address, port, mark) => {
    const counts = counters();
    expect(counts[`all ${address}:${port}`]).toBeGreaterThan(0);
    expect(counts[`marked ${address}:${port}`]).toBe(mark === 0 ? 0 : counts[`all ${address}:${port}`]);
  });
});
