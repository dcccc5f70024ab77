import { createHash } from 'crypto';
import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import { Construct } from 'constructs';
import { ENV } from '../contract/environment';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { cliInvocation } from './cli-invocation';
import { ensureNullProvider } from './null-provider';
import { readOnlyText } from './read-only-text';
import { specTrigger } from './spec-trigger';
import { TriggeredAtSynth } from './triggered-at-synth';

/** The construct id of an appliance's reload resource. */
export const RELOAD_ID = 'pacs-lb-reload';

/** What the reload resource needs of an appliance: its spec and its VIPs' specs, as they stand when called (read-only). */
export interface ProvisionedAppliance {
  /** The appliance's spec. */
  appliance(): ApplianceSpec;
  /** The specs of its VIPs, at synth. */
  vips(): VirtualServiceSpec[];
}

/**
 * A digest of every VIP spec of the appliance: it changes whenever any VIP is added, changed or
 * removed. Descriptions are left out: they never reach the appliance, so they need no reload.
 */
export function vipSetDigest(vips: VirtualServiceSpec[]): string {
  // The JSON of the array, element by element: a resolved (frozen) spec's text is kept, as synth reads it twice.
  return createHash('sha256').update(`[${vips.map(reachingTheAppliance).join(',')}]`).digest('hex');
}

/** The JSON text of the part of each read-only VIP spec that reaches the appliance. */
const reachingTexts = new WeakMap<VirtualServiceSpec, string>();

/** A VIP spec's JSON without its description. */
function reachingTheAppliance(vip: VirtualServiceSpec): string {
  return readOnlyText(reachingTexts, vip, ({ description: _description, ...rest }) => JSON.stringify(rest));
}

/** The VIP names, sorted and comma-separated (names cannot hold a comma). */
export function vipNames(vips: VirtualServiceSpec[]): string {
  return vips.map((v) => v.name).sort().join(',');
}

/**
 * Adds the appliance's reload resource: replaced whenever any of its VIPs changed (its trigger
 * is a digest of all VIP specs), it runs `pacs-lb reload` once, after every VIP's `apply`
 * (each VIP's spec resource is added to its `depends_on`).
 *
 * Its destroy-time `pacs-lb prune` deletes the VIPs it provisioned (`self.triggers.names`)
 * that the synthesized app no longer has. It is needed because Terraform runs no destroy-time
 * provisioner of a resource whose block was removed from the configuration: a VIP removed from
 * the app takes its identity resource's `pacs-lb delete` with it. This resource stays while
 * the appliance does, so removals are still carried out.
 */
export function addApplianceResources(appliance: Construct, specs: ProvisionedAppliance): void {
  ensureNullProvider(appliance);
  const name = specs.appliance().name;
  const triggers = () => ({ appliance: specTrigger(specs.appliance()), vips: vipSetDigest(specs.vips()), names: vipNames(specs.vips()) });
  new TriggeredAtSynth(appliance, RELOAD_ID, triggers, {
    provisioners: [
      {
        type: 'local-exec',
        when: 'destroy',
        interpreter: [...cliInvocation(appliance), 'prune'],
        command: name,
        environment: { [ENV.appliance]: '${self.triggers.appliance}', [ENV.ownedVips]: '${self.triggers.names}' },
      },
      {
        type: 'local-exec',
        interpreter: [...cliInvocation(appliance), 'reload'],
        command: name,
        environment: { [ENV.appliance]: '${self.triggers.appliance}' },
      },
    ],
  });
}

/** The reload resource of an appliance construct, if it has one. */
export function applianceReloadResource(appliance: Construct): NullResource | undefined {
  const child = appliance.node.tryFindChild(RELOAD_ID);
  return child instanceof NullResource ? child : undefined;
}
