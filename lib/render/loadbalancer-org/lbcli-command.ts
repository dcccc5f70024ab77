/**
 * One lbcli command as the REST API v2 carries it: `{ "action": "add-vip", "vip": "...", ... }`.
 * Parameter names are lbcli's long options without their dashes; every value is a string.
 */
export interface LbcliCommand {
  /** The lbcli action, e.g. `add-vip`. */
  readonly action: string;
  /** The parameters, by lbcli option name. */
  readonly [parameter: string]: string;
}
