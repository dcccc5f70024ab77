import { ClientAddressMode } from '../../spec/client-address-mode';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { RealServerSpec } from '../../spec/virtual-service-spec';
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

/** A Layer 4 VIP stood in for by a TCP proxy passes the client's address on in no way: its servers see the proxy. */
function renderingOf(vip: ResolvedVirtualService): ClientAddressRendering {
  return CLIENT_ADDRESS[vip.layer === 7 ? vip.clientAddress : ClientAddressMode.NONE];
}

/** Lines of the VIP's section for passing the client's address. */
export function clientAddressSectionLines(vip: ResolvedVirtualService): string[] {
  return renderingOf(vip).sectionLines;
}

/** Options on a server's line for passing the client's address. */
export function clientAddressServerOptions(vip: ResolvedVirtualService, server: RealServerSpec): string[] {
  return renderingOf(vip).serverOptions(server);
}
