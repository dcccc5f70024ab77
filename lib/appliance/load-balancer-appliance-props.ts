import { CheckScriptSource } from '../spec/check-script-source';
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
  /**
   * How the DICOM association check scripts get onto the appliance (its REST API cannot upload
   * one): `UPLOADED` when you uploaded the scripts `pacs-lb check-scripts <folder>` writes,
   * `APPLIANCE_DICOM_ECHO` to use the appliance's own DICOM C-ECHO script. Until declared,
   * `pacs-lb apply` refuses VIPs with a DICOM association check.
   * @default CheckScriptSource.NOT_INSTALLED
   */
  readonly dicomCheckScript?: CheckScriptSource;
  /**
   * How the HL7 MLLP check scripts get onto the appliance: `UPLOADED` when you uploaded the
   * scripts `pacs-lb check-scripts <folder>` writes. Until declared, `pacs-lb apply` refuses VIPs
   * with an HL7 MLLP check.
   * @default CheckScriptSource.NOT_INSTALLED
   */
  readonly hl7CheckScript?: CheckScriptSource;
  /**
   * Corrections of the appliance's lbcli vocabulary without a new release, by mapping-table key
   * (the README lists the keys, unverified ones first), e.g.
   * `{ 'layer7.persistence.last-successful': 'fallback_persist' }`. Unknown keys fail synth.
   * @default - none
   */
  readonly lbcliOverrides?: { [key: string]: string };
}
