import { ClientAddressMode } from '../../spec/client-address-mode';
import { RealServerSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { addressFamily } from '../../net/addresses';

/** How one way of passing the client's address is written into haproxy.cfg. */
interface ClientAddressRendering {
  /** Lines in the VIP's section. */
  readonly sectionLines: string[];
  /** Options on a server's line (checks send the PROXY header too, since the server expects it). */
  readonly serverOptions: (server: RealServerSpec) => string[];
}

/** Transparent proxying connects from the client's own address, in the server's address family. */
function transparentSource(server: RealServerSpec): string[] {
  return ['source', addressFamily(server.address) === 'ipv6' ? '[::]' : '0.0.0.0', 'usesrc', 'clientip'];
}

const CLIENT_ADDRESS: Record<ClientAddressMode, ClientAddressRendering> = {
  [ClientAddressMode.NONE]: { sectionLines: [], serverOptions: () => [] },
  [ClientAddressMode.X_FORWARDED_FOR]: { sectionLines: ['option forwardfor'], serverOptions: () => [] },
  [ClientAddressMode.PROXY_PROTOCOL_V1]: { sectionLines: [], serverOptions: () => ['send-proxy', 'check-send-proxy'] },
  [ClientAddressMode.PROXY_PROTOCOL_V2]: { sectionLines: [], serverOptions: () => ['send-proxy-v2', 'check-send-proxy'] },
  [ClientAddressMode.TRANSPARENT]: { sectionLines: [], serverOptions: transparentSource },
};

/** Lines of the VIP's section for passing the client's address. */
export function clientAddressSectionLines(vip: VirtualServiceSpec): string[] {
  return CLIENT_ADDRESS[vip.clientAddress ?? ClientAddressMode.NONE].sectionLines;
}

/** Options on a server's line for passing the client's address. */
export function clientAddressServerOptions(vip: VirtualServiceSpec, server: RealServerSpec): string[] {
  return CLIENT_ADDRESS[vip.clientAddress ?? ClientAddressMode.NONE].serverOptions(server);
}
