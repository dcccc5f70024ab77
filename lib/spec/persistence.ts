import { persistenceWithDefaults } from './defaults';
import { madeBy } from './factory-input';
import { objectOr } from './object-or';
import { PersistenceType } from './persistence-type';
import { PersistenceSpec } from './virtual-service-spec';

/**
 * Options of source IP persistence.
 */
export interface SourceIpPersistenceOptions {
  /**
   * Seconds a client stays with its server after its last connection (1-86400).
   * @default 300 at Layer 4 (the appliance's default); 1800 (30 minutes) at Layer 7
   */
  readonly timeoutSeconds?: number;
  /**
   * Layer 4 only: netmask that groups client addresses, e.g. `255.255.255.0` sends a whole
   * /24 to one server.
   * @default - each client address on its own
   */
  readonly netmask?: string;
}

/**
 * Options of HTTP cookie persistence.
 */
export interface CookiePersistenceOptions {
  /** The cookie's name (letters, digits, `_` and `-`). @default "SERVERID" */
  readonly cookieName?: string;
}

/**
 * How a client's connections are kept on one real server.
 */
export class Persistence {
  /** No persistence: every connection is scheduled on its own. */
  public static none(): Persistence {
    return new Persistence({ kind: PersistenceType.NONE });
  }

  /** A client address (or network) stays on one server until it has been idle for the timeout. */
  public static sourceIp(options: SourceIpPersistenceOptions = {}): Persistence {
    return madeBy(new Persistence({ kind: PersistenceType.SOURCE_IP, ...objectOr(options) }), 'Persistence.sourceIp', options);
  }

  /**
   * Every client goes to the server that last served successfully and stays there until it
   * fails; no fail-back. For interface engines that need exactly one active node. Layer 7 only.
   */
  public static lastSuccessful(): Persistence {
    return new Persistence({ kind: PersistenceType.LAST_SUCCESSFUL });
  }

  /** An HTTP cookie names the server. Layer 7 in HTTP mode only. */
  public static httpCookie(options: CookiePersistenceOptions = {}): Persistence {
    return madeBy(new Persistence({ kind: PersistenceType.HTTP_COOKIE, ...objectOr(options) }), 'Persistence.httpCookie', options);
  }

  private constructor(private readonly spec: PersistenceSpec) {}

  /** The kind of this persistence. */
  public get kind(): PersistenceType {
    return this.spec.kind;
  }

  /** The resolved form for a VIP at the given layer (4 or 7): fills in the default timeout. */
  public toSpec(layer: number): PersistenceSpec {
    return persistenceWithDefaults(this.spec.kind, this.spec, layer);
  }
}
