/**
 * A real HAProxy for live tests, run by the library's own {@link LocalHaproxyTarget} in a
 * short temporary folder, and VIP specs built through the real constructs. Every HAProxy
 * started here is stopped by {@link stopAllHaproxies} (call it from afterAll).
 */
import * as fs from 'fs';
import * as path from 'path';
import { HealthCheck, Persistence, Ports, ReverseProxyVip, ReverseProxyVipProps, RealServerProps, VirtualServiceSpec } from '../../lib';
import { ApplianceSpec } from '../../lib/spec/virtual-service-spec';
import { LocalHaproxyTarget } from '../../lib/targets/local-haproxy/local-haproxy-target';
import { ServerStatus } from '../../lib/targets/local-haproxy/server-status';
import { validateVirtualService } from '../../lib/validation/virtual-service-rules';
import { applianceStack } from './stacks';

const targets = new Set<LocalHaproxyTarget>();

/** A LocalHaproxyTarget in a fresh folder under /tmp (short, for socket paths). */
export function localTarget(): LocalHaproxyTarget {
  const folder = fs.mkdtempSync(path.join('/tmp', 'plb-'));
  const target = new LocalHaproxyTarget({ folder });
  targets.add(target);
  return target;
}

/** Stops every HAProxy started through {@link localTarget}. */
export async function stopAllHaproxies(): Promise<void> {
  for (const target of targets) {
    await target.stop();
    fs.rmSync(path.dirname(target.configFile), { recursive: true, force: true });
  }
  targets.clear();
}

/** The appliance and a way to add Layer 7 VIPs to it through the real constructs. */
export function liveAppliance(): { appliance: ApplianceSpec; addVip: (name: string, props: Partial<ReverseProxyVipProps> & { port: number; realServers: RealServerProps[] }) => VirtualServiceSpec } {
  const { appliance } = applianceStack({ managementAddress: '127.0.0.1', subnets: ['127.0.0.0/8'] });
  return {
    appliance: appliance.toSpec(),
    addVip: (name, props) => {
      const vip = new ReverseProxyVip(appliance, name, { address: '127.0.0.1', ports: Ports.single(props.port), ...props });
      const spec = vip.toSpec();
      const problems = validateVirtualService(spec, appliance.toSpec());
      if (problems.length > 0) throw new Error(`test VIP ${name} is invalid: ${JSON.stringify(problems)}`);
      return spec;
    },
  };
}

/** A DICOM association check against the test archives' AE title. */
export function dicomCheck(): HealthCheck {
  return HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE' });
}

export { Persistence, HealthCheck };

/** Polls the target until a server of a VIP has a status starting with `wanted`; returns the milliseconds it took. */
export async function waitForServer(target: LocalHaproxyTarget, vip: string, server: string, wanted: string, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  let last: ServerStatus | undefined;
  while (Date.now() - started < timeoutMs) {
    last = (await target.status()).servers.find((s) => s.vip === vip && s.server === server);
    if (last && last.status.startsWith(wanted)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${vip}/${server} is not ${wanted} after ${timeoutMs} ms (last status: ${last?.status ?? 'unknown'})`);
}

/** The sessions each server of a VIP has carried since the current worker started, by server name. */
export async function sessionsByServer(target: LocalHaproxyTarget, vip: string): Promise<Record<string, number>> {
  const servers = (await target.status()).servers.filter((s) => s.vip === vip);
  return Object.fromEntries(servers.map((s) => [s.server, s.totalSessions]));
}

/** How many more sessions each server carried between two readings. */
export function sessionsSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([server, count]) => [server, count - (before[server] ?? 0)]));
}
