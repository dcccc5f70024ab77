/**
 * Layer 4 live, with the rendered nftables.nft: site lb-nft (sites.ts: DAS_Pool's shape, DR on
 * three ports under one firewall mark with source-IP persistence, and DB_MT's, SNAT on every TCP
 * port except 20000) in Debian's kernel under QEMU (user-mode-linux has no nftables inet
 * family). The guest runs guest/nft.sh once; emulation makes it the slowest file.
 */
import { describe, expect, it } from 'vitest';
import { bootOnce } from './guest-file';
import { nftFolder } from './sites';

const guest = bootOnce('qemu', 'guest/nft.sh', nftFolder, 420_000);
const { value } = guest;

describe('Layer 4 live, firewall marks and SNAT, in Debian\'s kernel under QEMU', () => {
  it('the rendered nftables.nft marks both VIPs and masquerades DB_MT; the scenario runs to the end', () => {
    expect(guest.files()['nftables.nft']).toMatch(/meta mark set 1001/);
    expect(guest.files()['nftables.nft']).toMatch(/masquerade/);
    expect(value('done')).toBe('1');
    expect(value('das.servers')).toBe('192.0.2.31 192.0.2.32');
    expect(value('db.servers')).toBe('198.51.100.21 198.51.100.22');
  });

  it('SNAT on every TCP port except one: the server sees the load balancer as the client, C-ECHO succeeds, the excluded port is not forwarded', () => {
    expect(value('snat.answer')).toMatch(/^DB[12] 198\.51\.100\.1$/);
    expect(value('snat.echo')).toBe('0');
    expect(value('snat.excluded')).toMatch(/^status=[1-9]\d* answer=none$/);
  });

  it('multi-port DR with source-IP persistence: one client stays on one server across 8080, 4100 and 104', () => {
    const seen = ['1', '2'].flatMap((round) => ['8080', '4100', '104'].map((port) => value(`das.round${round}.${port}`).trim()));
    expect(seen[0]).toMatch(/^DAS[12]$/);
    expect(seen).toEqual(Array(6).fill(seen[0]));
  });
});
