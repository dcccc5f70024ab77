import { PersistenceType } from '../../spec/persistence-type';
import { RealServerSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { addressFamily } from '../../net/addresses';
import { describePersistence } from '../describe';
import { haproxyArgument } from './haproxy-argument';
import { LAST_SUCCESSFUL_EXPIRY } from './haproxy-options';

/** How one kind of persistence is written into haproxy.cfg. */
interface PersistenceRendering {
  /** Lines in the VIP's section. */
  readonly sectionLines: (vip: VirtualServiceSpec) => string[];
  /** Options on a server's line. */
  readonly serverOptions: (server: RealServerSpec) => string[];
}

const none = () => [];

const PERSISTENCE: Record<PersistenceType, PersistenceRendering> = {
  [PersistenceType.NONE]: { sectionLines: none, serverOptions: none },
  [PersistenceType.SOURCE_IP]: {
    sectionLines: (vip) => [
      `stick-table type ${addressFamily(vip.address) === 'ipv6' ? 'ipv6' : 'ip'} size 1m expire ${vip.persistence.timeoutSeconds}s`,
      'stick on src',
    ],
    serverOptions: none,
  },
  // One entry under a constant key, shared by every client. It is written only once a server
  // has answered, and a server that comes back does not take it over: no fail-back.
  [PersistenceType.LAST_SUCCESSFUL]: {
    sectionLines: () => [`stick-table type integer size 1 expire ${LAST_SUCCESSFUL_EXPIRY}`, 'stick match int(1)', 'stick store-response int(1)'],
    serverOptions: none,
  },
  [PersistenceType.HTTP_COOKIE]: {
    sectionLines: (vip) => [`cookie ${haproxyArgument(vip.persistence.cookieName!)} insert indirect nocache`],
    serverOptions: (server) => ['cookie', haproxyArgument(server.name)],
  },
};

/** Lines of the VIP's section for its persistence, after a comment saying which. */
export function persistenceSectionLines(vip: VirtualServiceSpec): string[] {
  const lines = PERSISTENCE[vip.persistence.kind].sectionLines(vip);
  return lines.length === 0 ? [] : [`# Persistence: ${describePersistence(vip.persistence)}.`, ...lines];
}

/** Options on a server's line for the VIP's persistence. */
export function persistenceServerOptions(vip: VirtualServiceSpec, server: RealServerSpec): string[] {
  return PERSISTENCE[vip.persistence.kind].serverOptions(server);
}
