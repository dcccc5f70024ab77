import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import { Construct } from 'constructs';
import { ENV } from '../contract/environment';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { applianceReloadResource } from './appliance-resources';
import { cliInvocation } from './cli-invocation';
import { ensureNullProvider } from './null-provider';
import { specTrigger } from './spec-trigger';
import { TriggeredAtSynth } from './triggered-at-synth';

/** What the resources need of a VIP: its spec and its appliance's, as they stand when called (read-only). */
export interface ProvisionedVirtualService {
  /** The VIP's spec at synth (real servers may be added after construction). */
  vip(): VirtualServiceSpec;
  /** Its appliance's spec. */
  appliance(): ApplianceSpec;
}

/** A resource's address in the stack (`null_resource.<id>`), as cdktf writes a `depends_on` entry. */
function terraformAddress(resource: NullResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}


/**
 * Adds the two Terraform resources of one VIP:
 *
 * - `identity`: triggers are the VIP's identity only (appliance, layer, name). It is replaced
 *   only when the VIP is renamed, moved or changes layer, and removed only when the VIP is,
 *   so its destroy-time `pacs-lb delete` runs only then. The appliance's address rides along
 *   under `ignore_changes`, so a new management address never deletes a VIP; the delete itself
 *   goes to the appliance's current address, read from the stack folder while the app still
 *   has the appliance (`--stack-folder .`), else to the stored one.
 * - `spec`: triggers carry the whole spec, so a plan shows a field-level diff of this VIP
 *   alone. Replaced at every change; its create-time `pacs-lb apply` reconciles the
 *   appliance (add or edit, never delete-and-recreate); it has no destroy-time command.
 *
 * Neither reloads: the appliance's reload resource does, once, after every changed VIP.
 */
export function addVirtualServiceResources(vip: Construct, applianceConstruct: Construct, specs: ProvisionedVirtualService): void {
  ensureNullProvider(vip);
  const cli = cliInvocation(vip);
  // The appliance spec rides in both resources: JSON, resolved at synth.
  const appliance = () => specTrigger(specs.appliance());

  const identity = new TriggeredAtSynth(vip, 'pacs-lb-identity', () => {
    const spec = specs.vip();
    return { appliance: spec.appliance, layer: String(spec.layer), name: spec.name, connection: appliance() };
  }, {
    lifecycle: { ignoreChanges: ['triggers["connection"]'] },
    provisioners: [
      {
        type: 'local-exec',
        when: 'destroy',
        // From the stack folder (Terraform's working directory): the appliance's current address
        // while the app still has it, so a changed management address is followed.
        interpreter: [...cli, 'delete', '--layer', '${self.triggers.layer}', '--stack-folder', '.'],
        command: '${self.triggers.name}',
        environment: { [ENV.appliance]: '${self.triggers.connection}' },
      },
    ],
  });

  const specResource = new TriggeredAtSynth(vip, 'pacs-lb-spec', () => ({ name: specs.vip().name, spec: specTrigger(specs.vip()), appliance: appliance() }), {
    provisioners: [
      {
        type: 'local-exec',
        interpreter: [...cli, 'apply'],
        command: '${self.triggers.name}',
        environment: { [ENV.spec]: '${self.triggers.spec}', [ENV.appliance]: '${self.triggers.appliance}' },
      },
    ],
  });

  // The bare address, as cdktf writes it: the resource object would cost two tokens per VIP.
  specResource.dependsOn = [terraformAddress(identity)];

  const reload = applianceReloadResource(applianceConstruct);
  if (reload) {
    reload.dependsOn ??= [];
    reload.dependsOn.push(terraformAddress(specResource));
  }
}
