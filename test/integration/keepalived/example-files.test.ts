/**
 * The example site's Layer 4 files, as synth writes them, checked by the tools themselves:
 * keepalived.conf by `keepalived -t` on both nodes of the HA pair, nftables.nft by `nft -c`,
 * the real-server scripts by `sh -n` and `bash -n`, the check script by `bash -n`. Each check
 * is shown to be able to fail on a broken copy.
 */
import { describe, expect, it } from 'vitest';
import { readTree, synthesizeExample } from '../../support/stacks';
import { keepalivedConfigTests, nftChecks, shellSyntaxChecks } from './tool-checks';

const files = readTree(synthesizeExample());
const clean = { status: 0, output: '' };

describe('the example site, checked by the tools', () => {
  it('writes keepalived.conf, nftables.nft, the check script and a Linux and Windows script per DR real server host', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['keepalived.conf', 'nftables.nft', 'checks/pacs-lb-check', 'real-servers/192.0.2.21-linux.sh', 'real-servers/192.0.2.33-windows.ps1']));
    // DR hosts: EA1 and EA2 (all six EA VIPs), DAS1-3 (DAS_Pool); DB_MT and DB_DBVIP are SNAT, their servers get none.
    expect(Object.keys(files).filter((f) => f.startsWith('real-servers/'))).toHaveLength((2 + 3) * 2);
    expect(files['real-servers/192.0.2.21-linux.sh'].match(/ip addr add 192\.0\.2\.100\/32 dev lo/g)).toHaveLength(1);
    expect(files['real-servers/192.0.2.21-linux.sh']).toContain('VIP 1 EA_XDS_Service, VIP 2 EA_Dicom_Service');
    expect(Object.keys(files).some((f) => f.startsWith('real-servers/198.51.100.'))).toBe(false);
  });

  it('keepalived -t accepts keepalived.conf on the primary and on the secondary', () => {
    expect(keepalivedConfigTests([files['keepalived.conf']], 'primary')).toEqual([clean]);
    expect(keepalivedConfigTests([files['keepalived.conf']], 'secondary')).toEqual([clean]);
  });

  it('keepalived -t refuses a broken copy (the check can fail)', () => {
    const [result] = keepalivedConfigTests([files['keepalived.conf'].replace('lb_kind DR', 'lb_kind XX')], 'primary');
    expect(result.status).not.toBe(0);
  });

  it('nft -c accepts nftables.nft, and refuses a broken copy', () => {
    const [good, broken] = nftChecks([files['nftables.nft'], files['nftables.nft'].replace('masquerade', 'masq')]);
    expect(good).toEqual(clean);
    expect(broken.status).not.toBe(0);
  });

  it('sh -n and bash -n accept every Linux real-server script; bash -n the check script', () => {
    const linux = Object.keys(files).filter((f) => f.endsWith('-linux.sh')).map((f) => files[f]);
    expect(shellSyntaxChecks(linux, 'sh')).toEqual(linux.map(() => clean));
    expect(shellSyntaxChecks(linux, 'bash')).toEqual(linux.map(() => clean));
    expect(shellSyntaxChecks([files['checks/pacs-lb-check']], 'bash')).toEqual([clean]);
    expect(shellSyntaxChecks(['if then\n'], 'sh')[0].status).not.toBe(0);
  });
});
