/**
 * The sites the live Layer 4 tests run, built with the library's constructs (addresses chosen
 * here, nothing edited by hand), synthesized, and copied with everything else the guest needs
 * into one shared folder per test file.
 *
 * Addresses (documentation ranges, only ever inside the guest's namespaces):
 * - 192.0.2.0/24, the load balancer's LAN: clients .10/.11, the load balancer .5 (and .6 for the
 *   second node of a pair), the VIPs .100-.104, DR real servers .21-.52;
 * - 198.51.100.0/24, the database subnet behind the load balancer (.1): SNAT real servers .21/.22.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { ForwardingMethod, HealthCheck, Layer4Vip, LoadBalancerAppliance, LoadBalancerApplianceProps, PacsLbTesting, Persistence, Ports, RealServerState, ReverseProxyVip } from '../../../lib';
import { writeDicomFile } from '../../support/dicom-peers';
import { readTree, synthApplianceFolder } from '../../support/stacks';

/** Real server states to synthesize a variant with, by real server name. */
export type States = Record<string, RealServerState>;

/**
 * Timing of the checks keepalived runs through the check script (a dozen processes per check):
 * a 10 s limit instead of the default 2 s and three failures instead of two, because a guest
 * kernel on a loaded 2-core machine starts processes up to a hundred times slower than the
 * host. The EA VIP keeps the default 1 s interval (the kill test measures removal at it); the
 * others check every 3 s, so that six script checks a second do not starve the guest.
 */
const SCRIPT_CHECK_TIMING = { timeoutSeconds: 10, fall: 3 };
const SLOW_SCRIPT_CHECK_TIMING = { ...SCRIPT_CHECK_TIMING, intervalSeconds: 3 };
/** The ping check: one process after the script, so 5 s are enough; a dead link is found within ~12 s. */
const PING_TIMING = { timeoutSeconds: 5, intervalSeconds: 2 };

const server = (states: States, name: string, address: string) => ({ name, address, state: states[name] });

/** The Enterprise Archive's DICOM VIP: DR on 192.0.2.100:104 to EA1 (.21) and EA2 (.22). */
function addEaVip(appliance: LoadBalancerAppliance, healthCheck: HealthCheck, states: States = {}): void {
  new Layer4Vip(appliance, 'EA_Dicom_Service', {
    address: '192.0.2.100',
    ports: Ports.single(104),
    forwarding: ForwardingMethod.DR,
    healthCheck,
    realServers: [server(states, 'EA1', '192.0.2.21'), server(states, 'EA2', '192.0.2.22')],
  });
}

/**
 * The DR VIPs (no nftables rules needed, so they run under user-mode-linux): the Enterprise
 * Archive's DICOM VIP with the DICOM association check, an HL7 VIP with the MLLP check, and a
 * web viewer VIP with the ICMP check.
 */
export function addDrVips(appliance: LoadBalancerAppliance, states: States = {}): void {
  addEaVip(appliance, HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE', callingAeTitle: 'PACSLB', ...SCRIPT_CHECK_TIMING }), states);
  new Layer4Vip(appliance, 'HL7_Orders', {
    address: '192.0.2.102',
    ports: Ports.single(2575),
    forwarding: ForwardingMethod.DR,
    healthCheck: HealthCheck.hl7Mllp({ sendingApplication: 'PACSLB', sendingFacility: 'LB', receivingApplication: 'RIS', receivingFacility: 'HOSP', ...SLOW_SCRIPT_CHECK_TIMING }),
    realServers: [server(states, 'HL1', '192.0.2.41'), server(states, 'HL2', '192.0.2.42')],
  });
  new Layer4Vip(appliance, 'Web_Viewer', {
    address: '192.0.2.104',
    ports: Ports.single(8080),
    forwarding: ForwardingMethod.DR,
    healthCheck: HealthCheck.ping(PING_TIMING),
    realServers: [server(states, 'WEB1', '192.0.2.51'), server(states, 'WEB2', '192.0.2.52')],
  });
}

/**
 * The VIPs that need the rendered nftables rules (so they run under QEMU): DAS_Pool's shape
 * (DR on 104, 4100 and 8080 with source-IP persistence, one firewall mark) and DB_MT's (SNAT
 * on every TCP port except one, one firewall mark, masquerade). Their checks are TCP connects,
 * which keepalived runs in-process: an emulated kernel is too slow for a script per check.
 */
export function addNftVips(appliance: LoadBalancerAppliance): void {
  new Layer4Vip(appliance, 'DAS_Pool', {
    address: '192.0.2.101',
    ports: Ports.list([104, 4100, 8080]),
    forwarding: ForwardingMethod.DR,
    persistence: Persistence.sourceIp({ timeoutSeconds: 300 }),
    healthCheck: HealthCheck.connect({ port: 8080, timeoutSeconds: 5 }),
    realServers: [server({}, 'DAS1', '192.0.2.31'), server({}, 'DAS2', '192.0.2.32')],
  });
  new Layer4Vip(appliance, 'DB_MT', {
    address: '192.0.2.103',
    ports: Ports.allTcpExcept([20000]),
    forwarding: ForwardingMethod.SNAT,
    healthCheck: HealthCheck.connect({ port: 5432, timeoutSeconds: 5 }),
    realServers: [server({}, 'DB1', '198.51.100.21'), server({}, 'DB2', '198.51.100.22')],
  });
}

/** Synthesizes one appliance with `build`'s VIPs; fails with the validation messages if any; returns its files. */
export function synthesize(applianceProps: LoadBalancerApplianceProps, build: (appliance: LoadBalancerAppliance) => void): Record<string, string> {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-l4-synth-')) });
  const stack = new TerraformStack(app, 'layer4');
  const appliance = new LoadBalancerAppliance(stack, applianceProps.name!, applianceProps);
  build(appliance);
  const errors = PacsLbTesting.validationErrors(stack);
  if (errors.length > 0) throw new Error(`the test site does not validate:\n${errors.join('\n')}`);
  const files = readTree(synthApplianceFolder(app, 'layer4', applianceProps.name!));
  fs.rmSync(app.outdir, { recursive: true, force: true });
  return files;
}

/** A single load balancer on 192.0.2.5 (and 198.51.100.1 towards the database subnet). */
export function singleLb(name: string): LoadBalancerApplianceProps {
  return { name, managementAddress: '192.0.2.5', subnets: ['192.0.2.0/24', '198.51.100.0/24'] };
}

/** Writes the files of an appliance under `folder/<subfolder>`. */
export function writeFiles(folder: string, subfolder: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, subfolder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/**
 * A fresh shared folder for one guest run: the guest scripts (guest/), two DICOM objects
 * (dicom/1.dcm, dicom/2.dcm, `megabytes` each), and what `fill` adds.
 */
export function sharedFolder(fill: (folder: string) => void, megabytes = 1): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-l4-'));
  fs.cpSync(path.join(__dirname, 'guest'), path.join(folder, 'guest'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'dicom'));
  writeDicomFile(path.join(folder, 'dicom', '1.dcm'), megabytes, 1);
  writeDicomFile(path.join(folder, 'dicom', '2.dcm'), megabytes, 2);
  fill(folder);
  return folder;
}

/**
 * The shared folder of guest/dr.sh: site lb-dr in files/lb-dr, and the same site synthesized
 * with EA1 or EA2 set to drain in files/lb-dr-drain-EA1 and -EA2.
 */
export function drFolder(): { folder: string; files: Record<string, string> } {
  const files = synthesize(singleLb('lb-dr'), (a) => addDrVips(a));
  const folder = sharedFolder((f) => {
    writeFiles(f, 'files/lb-dr', files);
    for (const name of ['EA1', 'EA2']) writeFiles(f, `files/lb-dr-drain-${name}`, synthesize(singleLb('lb-dr'), (a) => addDrVips(a, { [name]: RealServerState.DRAIN })));
  });
  return { folder, files };
}

/** The shared folder of guest/nft.sh: site lb-nft (DAS_Pool's and DB_MT's shapes) in files/lb-nft. */
export function nftFolder(): { folder: string; files: Record<string, string> } {
  const files = synthesize(singleLb('lb-nft'), (a) => addNftVips(a));
  return { folder: sharedFolder((f) => writeFiles(f, 'files/lb-nft', files)), files };
}

/**
 * The shared folder of guest/vrrp.sh: site lb-ha, an HA pair (192.0.2.5 and .6) with the EA
 * DICOM VIP (DR, TCP connect check) in files/lb-ha.
 */
export function haFolder(): { folder: string; files: Record<string, string> } {
  const files = synthesize({ ...singleLb('lb-ha'), peerManagementAddress: '192.0.2.6' }, (a) => {
    addEaVip(a, HealthCheck.connect());
  });
  return { folder: sharedFolder((f) => writeFiles(f, 'files/lb-ha', files)), files };
}

/**
 * The shared folders of guest/bench.sh (bench/layer4.bench.ts), with `images` bench images of
 * `megabytes` each: `dr` holds site lb-bench (the EA DR VIP, and a
 * Layer 7 DICOM VIP on 192.0.2.110 to the same archive, so the rendered haproxy.cfg is the
 * Layer 7 path; the EA check is a TCP connect at the default timing: keepalived runs it
 * in-process, where the DICOM check's script, at the default 2 s limit, does not pass in a
 * guest on a loaded machine); `snat` holds site lb-snat (DB_MT's shape, SNAT, one archive).
 */
export function benchFolder(mode: 'dr' | 'snat', images: number, megabytes: number): string {
  const files =
    mode === 'dr'
      ? synthesize(singleLb('lb-bench'), (a) => {
          addEaVip(a, HealthCheck.connect());
          new ReverseProxyVip(a, 'EA_Dicom_Layer7', {
            address: '192.0.2.110',
            ports: Ports.single(104),
            healthCheck: HealthCheck.connect(),
            realServers: [{ name: 'EA1', address: '192.0.2.21', port: 104 }],
          });
        })
      : synthesize(singleLb('lb-snat'), (a) => {
          new Layer4Vip(a, 'DB_MT', {
            address: '192.0.2.103',
            ports: Ports.allTcpExcept([20000]),
            forwarding: ForwardingMethod.SNAT,
            healthCheck: HealthCheck.connect({ port: 104, timeoutSeconds: 5 }),
            realServers: [server({}, 'DB1', '198.51.100.21')],
          });
        });
  return sharedFolder((f) => {
    writeFiles(f, `files/${mode === 'dr' ? 'lb-bench' : 'lb-snat'}`, files);
    fs.writeFileSync(path.join(f, 'mode'), mode);
    for (let i = 1; i <= images; i++) writeDicomFile(path.join(f, 'dicom', `bench-${i}.dcm`), megabytes, 100 + i);
  });
}
