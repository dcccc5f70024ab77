import { TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import { addApplianceResources } from '../provision/appliance-resources';
import { DEFAULT_API_PORT } from '../spec/defaults';
import { ApplianceSpec, SPEC_SCHEMA_VERSION, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { writeApplianceOutput } from '../synth/write-appliance-output';
import { formatProblem } from '../validation/problem';
import { applianceVocabularyProblems, applianceVocabularySpec } from '../render/loadbalancer-org/appliance-vocabulary';
import { applianceWithVipsProblems } from '../validation/spec-contract';
import { printable } from '../net/printable';
import { uniqueApplianceName } from '../validation/appliance-rules';
import { declaredPropsProblems, declareProps, factoryOptionProblems } from '../validation/props-contract';
import { APPLIANCE_PROPS_SCHEMA, FACTORY_OPTIONS_SCHEMAS } from './props-schemas';
import { notReservedId } from '../provision/reserved-ids';
import { objectOr } from '../spec/object-or';
import { ApplianceTarget, applianceTargetSpec } from './appliance-target';
import { resolvesSpec, sharedSpec, specCopy } from './shared-spec';
import { LoadBalancerApplianceProps } from './load-balancer-appliance-props';
import { isVirtualService } from './virtual-service-marker';
import { IVirtualServiceSource } from './virtual-service-source';

const APPLIANCE_SYMBOL = Symbol.for('cdktf-pacs-lb.LoadBalancerAppliance');

/**
 * A Loadbalancer.org appliance, or an HA pair of them, that virtual services are defined on.
 * Create VIPs with this construct (or a construct inside it) as their scope.
 *
 * At synth, the appliance checks the rules that span its VIPs (unique names, no two VIPs on
 * one address and port) and writes its configuration into the stack's output folder, under
 * `pacs-lb/<name>/`: the ordered appliance commands, each VIP's spec and a VIP table.
 */
export class LoadBalancerAppliance extends Construct {
  /** Whether a construct is a LoadBalancerAppliance. */
  public static isLoadBalancerAppliance(x: any): x is LoadBalancerAppliance {
    return x !== null && typeof x === 'object' && APPLIANCE_SYMBOL in x;
  }

  /** The appliance a construct lives in (the nearest enclosing one); throws if there is none. */
  public static of(construct: IConstruct): LoadBalancerAppliance {
    const found = [...construct.node.scopes].reverse().find((s) => LoadBalancerAppliance.isLoadBalancerAppliance(s));
    if (!found) {
      throw new Error(`${construct.node.path}: a VIP must be created inside a LoadBalancerAppliance: pass the appliance (or a construct inside it) as the scope`);
    }
    return found as LoadBalancerAppliance;
  }

  /** The appliance's name in this project. */
  public readonly name: string;
  private readonly props: LoadBalancerApplianceProps;

  /**
   * @param scope the stack (or a construct inside it)
   * @param id the construct id; also the appliance's name unless `name` is given
   * @param props its management address(es), subnets and API port
   */
  constructor(scope: Construct, id: string, props: LoadBalancerApplianceProps) {
    super(scope, notReservedId(id, 'appliance'));
    Object.defineProperty(this, APPLIANCE_SYMBOL, { value: true });
    // Props are checked against their schema at synth; until then they are read defensively.
    this.props = objectOr(props) as LoadBalancerApplianceProps;
    // A name that is not text is reported at synth; the id stands in, so Terraform values stay text.
    this.name = typeof this.props.name === 'string' ? this.props.name : id;
    declareProps(this, APPLIANCE_PROPS_SCHEMA, props);
    this.node.addValidation({ validate: () => this.validate() });
    // Resolved once: the appliance has no method that changes it, and its props are read-only.
    resolvesSpec(this, () => this.resolveSpec());
    addCustomSynthesis(this, {
      onSynthesize: (session) => writeApplianceOutput(session, this, sharedSpec(this), this.sharedVipSpecs()),
    });
    addApplianceResources(this, { appliance: () => sharedSpec(this), vips: () => this.sharedVipSpecs() });
  }

  /** Whether this is an HA pair (a peer management address is set). */
  public get isHaPair(): boolean {
    return this.props.peerManagementAddress !== undefined;
  }

  /** The VIPs defined on this appliance, in construct-tree order. */
  public get virtualServices(): IVirtualServiceSource[] {
    return this.node.findAll().filter(isVirtualService) as unknown as IVirtualServiceSource[];
  }

  /** The resolved spec of this appliance. */
  public toSpec(): ApplianceSpec {
    return specCopy(sharedSpec<ApplianceSpec>(this));
  }

  private resolveSpec(): ApplianceSpec {
    const target = this.props.target instanceof ApplianceTarget ? applianceTargetSpec(this.props.target) : undefined;
    return {
      schemaVersion: SPEC_SCHEMA_VERSION,
      name: this.name,
      managementAddresses: [this.props.managementAddress, ...(this.props.peerManagementAddress ? [this.props.peerManagementAddress] : [])],
      apiPort: this.props.apiPort ?? DEFAULT_API_PORT,
      subnets: Array.isArray(this.props.subnets) ? [...this.props.subnets] : [],
      ...(target ? { target } : {}),
      ...(this.props.vipInterface !== undefined ? { vipInterface: this.props.vipInterface } : {}),
      ...applianceVocabularySpec(this.props),
    };
  }

  /** The resolved specs of every VIP on this appliance, in construct-tree order. */
  public vipSpecs(): VirtualServiceSpec[] {
    return this.virtualServices.map((vip) => vip.toSpec());
  }

  /** The VIPs' shared, read-only specs, in construct-tree order (synth's readers). */
  private sharedVipSpecs(): VirtualServiceSpec[] {
    return this.virtualServices.map((vip) => sharedSpec<VirtualServiceSpec>(vip));
  }

  /** Props first (types, keys), then the spec contract and the rules across VIPs. */
  private validate(): string[] {
    const subject = printable(this.name) !== '' ? printable(this.name) : printable(this.node.id);
    const props = [...declaredPropsProblems(this, subject), ...factoryOptionProblems(this.props.target, subject, 'target', FACTORY_OPTIONS_SCHEMAS)];
    if (props.length > 0) return props.map(formatProblem);
    const inStack = TerraformStack.of(this).node.findAll().filter((c) => LoadBalancerAppliance.isLoadBalancerAppliance(c)) as LoadBalancerAppliance[];
    const earlier = inStack.slice(0, inStack.indexOf(this)).map((a) => a.name);
    const spec = sharedSpec<ApplianceSpec>(this);
    return [
      ...[...uniqueApplianceName(this.name, earlier), ...applianceWithVipsProblems(spec, this.sharedVipSpecs())].map(formatProblem),
      ...applianceVocabularyProblems(spec).map((p) => `${this.name}: ${p}`),
    ];
  }
}
