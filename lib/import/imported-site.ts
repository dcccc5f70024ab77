import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';

/** A configuration read for import: the appliance, its VIPs as specs, and what could not be read into them. */
export interface ImportedSite {
  /** Where it was read from, in words (`appliance https://…`, `reply file x.json`, `local HAProxy folder …`). */
  readonly source: string;
  /** The appliance the VIPs live on. */
  readonly appliance: ApplianceSpec;
  /** The VIPs, in the order read. */
  readonly vips: VirtualServiceSpec[];
  /** What the specs do not express, one line each (`<VIP>: <what>`). */
  readonly notes: string[];
  /** What the source never reports, so the constructs' defaults stand in for it (one line each). */
  readonly assumed: string[];
}
