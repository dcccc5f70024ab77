import { ApplianceTarget } from './appliance-target';

/**
 * Properties of a {@link LoadBalancerAppliance}.
 */
export interface LoadBalancerApplianceProps {
  /**
   * The appliance's name in this project: used in output folder and resource names.
   * Letters, digits, `_`, `.` and `-`, 1-64 characters.
   * @default - the construct id
   */
  readonly name?: string;
  /** Management address of the appliance (of the primary, for an HA pair). */
  readonly managementAddress: string;
  /**
   * Management address of the secondary appliance of an HA pair. Configuration is applied
   * to the primary, which replicates it.
   * @default - a single appliance
   */
  readonly peerManagementAddress?: string;
  /**
   * Subnets (CIDR) the appliance has interfaces in. DR real servers are checked against them;
   * when none are given, DR VIPs get a warning that this could not be checked.
   * @default - none declared
   */
  readonly subnets?: string[];
  /** TCP port of the appliance's REST API. @default 9443 */
  readonly apiPort?: number;
  /**
   * Where `cdktf deploy` sends the VIPs: the appliance's REST API, or a local HAProxy for
   * trials and tests.
   * @default ApplianceTarget.loadbalancerOrgApi()
   */
  readonly target?: ApplianceTarget;
  /**
   * The network interface that carries the VIP addresses and the VRRP adverts of an HA pair in
   * the keepalived output (1-15 characters: letters, digits, `_`, `.` and `-`; an alias label such as
   * `eth0:1` is not an interface).
   * @default "eth0" (the first interface of a Loadbalancer.org appliance)
   */
  readonly vipInterface?: string;
}
