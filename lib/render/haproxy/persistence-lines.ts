import { PersistenceType } from '../../spec/persistence-type';
import { PersistenceOfKind, ResolvedPersistence, ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { RealServerSpec } from '../../spec/virtual-service-spec';
import { addressFamily } from '../../net/addresses';
import { describePersistence } from '../describe';
import { haproxyArgument } from './haproxy-argument';
import { LAST_SUCCESSFUL_EXPIRY } from './haproxy-options';

/** How one kind of persistence is written into haproxy.cfg. */
interface PersistenceRendering<P extends ResolvedPersistence> {
  /** Lines in the VIP's section. */
  readonly sectionLines: (persistence: P, vip: ResolvedVirtualService) => string[];
  /** Options on a server's line. */
  readonly serverOptions: (server: RealServerSpec) => string[];
}

const none = () => [];

const PERSISTENCE: { readonly [K in PersistenceType]: PersistenceRendering<PersistenceOfKind<K>> } = {
  [PersistenceType.NONE]: { sectionLines: none, serverOptions: none },
  [PersistenceType.SOURCE_IP]: {
    sectionLines: (persistence, vip) => [
      `stick-table type ${addressFamily(vip.address) === 'ipv6' ? 'ipv6' : 'ip'} size 1m expire ${persistence.timeoutSeconds}s`,
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
    sectionLines: (persistence) => [`cookie ${haproxyArgument(persistence.cookieName)} insert indirect nocache`],
    serverOptions: (server) => ['cookie', haproxyArgument(server.name)],
  },
};

/** The rendering of a persistence's own kind (a table indexed by kind cannot say so to the compiler). */
function renderingOf(persistence: ResolvedPersistence): PersistenceRendering<ResolvedPersistence> {
  return PERSISTENCE[persistence.kind] as PersistenceRendering<ResolvedPersistence>;
}

/** Lines of the VIP's section for its persistence, after a comment saying which. */
export function persistenceSectionLines(vip: ResolvedVirtualService): string[] {
  const lines = renderingOf(vip.persistence).sectionLines(vip.persistence, vip);
  return lines.length === 0 ? [] : [`# Persistence: ${describePersistence(vip.persistence)}.`, ...lines];
}

/** Options on a server's line for the VIP's persistence. */
export function persistenceServerOptions(vip: ResolvedVirtualService, server: RealServerSpec): string[] {
  return renderingOf(vip.persistence).serverOptions(server);
}
