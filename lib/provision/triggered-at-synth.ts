import { Resource as NullResource, ResourceConfig } from '@cdktf/provider-null/lib/resource';
import { Construct } from 'constructs';
import { cdktfSafeText } from './cdktf-safe-text';

/**
 * A null_resource whose triggers are produced each time cdktf writes its configuration, from
 * the construct as it stands then (a VIP may gain real servers after construction). The same
 * as triggers of Lazy values, without a token per trigger: cdktf records a full stack trace
 * for each token, which at 2,000 VIPs costs more than the resources themselves.
 */
export class TriggeredAtSynth extends NullResource {
  /**
   * @param scope the VIP or appliance construct
   * @param id the resource's construct id
   * @param triggersNow the triggers, as they stand when the configuration is written
   * @param config everything else of the resource
   */
  constructor(
    scope: Construct,
    id: string,
    private readonly triggersNow: () => Record<string, string>,
    config: Omit<ResourceConfig, 'triggers'>,
  ) {
    super(scope, id, config);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    this.triggers = this.safeTriggers();
    return super.synthesizeAttributes();
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    this.triggers = this.safeTriggers();
    return super.synthesizeHclAttributes();
  }

  /** The triggers as they stand, each value one cdktf passes through (see {@link cdktfSafeText}). */
  private safeTriggers(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.triggersNow()).map(([key, value]) => [key, cdktfSafeText(value)]));
  }
}
