/**
 * Where `cdktf deploy` (through the `pacs-lb` CLI) sends an appliance's VIPs.
 */
export enum ApplianceTargetKind {
  /** The Loadbalancer.org appliance's REST API v2 at its management address. */
  LOADBALANCER_ORG_API = 'loadbalancer-org-api',
  /** One HAProxy on the machine that runs `cdktf deploy`, in master-worker mode, with its files in a folder. */
  LOCAL_HAPROXY = 'local-haproxy',
}
