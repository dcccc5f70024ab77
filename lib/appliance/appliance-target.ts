import { ApplianceTargetKind } from '../spec/appliance-target-kind';
import { madeBy } from '../spec/factory-input';
import { objectOr } from '../spec/object-or';
import { ApplianceTargetSpec } from '../spec/virtual-service-spec';
import { withoutUndefined } from '../spec/without-undefined';

/**
 * Options of {@link ApplianceTarget.localHaproxy}.
 */
export interface LocalHaproxyTargetOptions {
  /**
   * Absolute folder on the machine that runs `cdktf deploy`, for haproxy.cfg, the pid file, the
   * two HAProxy sockets and the applied VIP specs; created when missing. Letters, digits and
   * `_./-`, at most 95 characters (HAProxy's socket paths inside it are limited to 107 bytes).
   */
  readonly folder: string;
  /**
   * The HAProxy executable: a program name found on PATH or an absolute path.
   * @default "haproxy"
   */
  readonly haproxyBinary?: string;
}

/**
 * Where `cdktf deploy` and `cdktf destroy` (through the `pacs-lb` CLI) send an appliance's VIPs.
 */
export class ApplianceTarget {
  /** The Loadbalancer.org appliance's REST API v2 at its management address (the default). */
  public static loadbalancerOrgApi(): ApplianceTarget {
    return new ApplianceTarget(ApplianceTargetKind.LOADBALANCER_ORG_API);
  }

  /**
   * One HAProxy on the machine that runs `cdktf deploy` (master-worker, reloaded without
   * dropping connections), carrying the Layer 7 VIPs and the Layer 4 TCP VIPs as TCP proxies.
   * For trials and tests: it cannot stand in for Layer 4 DR or NAT (see docs/haproxy.md).
   */
  public static localHaproxy(options: LocalHaproxyTargetOptions): ApplianceTarget {
    const o = objectOr(options) as LocalHaproxyTargetOptions;
    return madeBy(new ApplianceTarget(ApplianceTargetKind.LOCAL_HAPROXY, o.folder, o.haproxyBinary), 'ApplianceTarget.localHaproxy', options);
  }

  /**
   * @param kind which target
   * @param folder the local HAProxy's folder
   * @param haproxyBinary the local HAProxy's executable
   */
  private constructor(
    /** Which target. */
    public readonly kind: ApplianceTargetKind,
    /** The local HAProxy's folder. @default - none (the REST API) */
    public readonly folder?: string,
    /** The local HAProxy's executable. @default - "haproxy" for the local HAProxy, none for the REST API */
    public readonly haproxyBinary?: string,
  ) {}
}

/** The spec of a target: absent for the REST API (the default), so appliance specs without a target keep their bytes. */
export function applianceTargetSpec(target: ApplianceTarget | undefined): ApplianceTargetSpec | undefined {
  if (!target || target.kind === ApplianceTargetKind.LOADBALANCER_ORG_API) return undefined;
  return withoutUndefined({ kind: target.kind, folder: target.folder, haproxyBinary: target.haproxyBinary });
}
