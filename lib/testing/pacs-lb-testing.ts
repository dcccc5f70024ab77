import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { LoadBalancerAppliance } from '../appliance/load-balancer-appliance';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { readSynthesizedAppliance } from '../synth/synth-folder';

const WARNING_METADATA_TYPE = '@cdktf/warn';

/**
 * Helpers for unit tests of your own stacks, in every jsii language: read the VIP specs a
 * stack defines, the validation problems synth would report, or synthesize the stack and read
 * the specs it wrote. A pytest suite, for example, asserts on
 * `PacsLbTesting.vip_spec(stack, "EA_Dicom_Service").real_servers`.
 *
 * TypeScript users also have vitest matchers in `cdktf-pacs-lb/testing`.
 */
export class PacsLbTesting {
  /**
   * The appliances defined in a scope (an app, a stack or a construct), in construct-tree order.
   */
  public static appliances(scope: IConstruct): LoadBalancerAppliance[] {
    return scope.node.findAll().filter((c) => LoadBalancerAppliance.isLoadBalancerAppliance(c)) as LoadBalancerAppliance[];
  }

  /**
   * The resolved specs of the appliances in a scope, in construct-tree order.
   */
  public static applianceSpecs(scope: IConstruct): ApplianceSpec[] {
    return PacsLbTesting.appliances(scope).map((appliance) => appliance.toSpec());
  }

  /**
   * The resolved specs of every VIP in a scope, appliance by appliance, in construct-tree
   * order, as they stand now (without synthesizing, and without validating: see
   * {@link PacsLbTesting.validationErrors}).
   */
  public static vipSpecs(scope: IConstruct): VirtualServiceSpec[] {
    return PacsLbTesting.appliances(scope).flatMap((appliance) => appliance.vipSpecs());
  }

  /**
   * The resolved spec of the one VIP of that name in a scope (for example `EA_Dicom_Service`
   * of the Centricity PACS set). Throws when the scope has no VIP of that name, or several
   * (on different appliances).
   */
  public static vipSpec(scope: IConstruct, name: string): VirtualServiceSpec {
    const specs = PacsLbTesting.vipSpecs(scope);
    const found = specs.filter((spec) => spec.name === name);
    if (found.length !== 1) {
      const names = specs.map((spec) => spec.name).join(', ') || 'none';
      const what = found.length === 0 ? 'no VIP' : `${found.length} VIPs (on ${found.map((s) => s.appliance).join(', ')})`;
      throw new Error(`${scope.node.path || 'app'}: ${what} named ${name}; the VIPs are: ${names}`);
    }
    return found[0];
  }

  /**
   * Every validation problem in a scope, exactly as synth reports them (without the construct
   * path cdktf puts in front), e.g. `EA_Dicom_Service: realServers: ...`. Empty when synth
   * would succeed.
   */
  public static validationErrors(scope: IConstruct): string[] {
    return scope.node.findAll().flatMap((construct) => construct.node.validate());
  }

  /**
   * Every warning in a scope after validation has run, e.g. the
   * `pacs-lb:dr-subnets-undeclared` warning of a DR VIP on an appliance without subnets.
   */
  public static warnings(scope: IConstruct): string[] {
    PacsLbTesting.validationErrors(scope);
    return scope.node.findAll().flatMap((construct) =>
      construct.node.metadata.filter((entry) => entry.type === WARNING_METADATA_TYPE).map((entry) => String(entry.data)));
  }

  /**
   * Synthesizes a stack into a new temporary folder, with validation and every file of
   * `pacs-lb/<appliance>/`, and returns the stack's output folder (the one holding
   * `cdk.tf.json`). Throws the validation errors, as `cdktf synth` does, when there are any.
   */
  public static synth(stack: TerraformStack): string {
    const outdir = Testing.fullSynth(stack);
    return path.join(outdir, 'stacks', stack.node.id);
  }

  /**
   * Synthesizes a stack (see {@link PacsLbTesting.synth}) and returns the VIP specs it wrote
   * into `pacs-lb/<appliance>/vips/`, appliance by appliance, in construct-tree order.
   */
  public static synthVipSpecs(stack: TerraformStack): VirtualServiceSpec[] {
    const stackFolder = PacsLbTesting.synth(stack);
    return PacsLbTesting.appliances(stack).flatMap((appliance) => readSynthesizedAppliance(stackFolder, appliance.name).vips);
  }

  private constructor() {}
}
