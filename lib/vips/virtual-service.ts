import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { LoadBalancerAppliance } from '../appliance/load-balancer-appliance';
import { resolvesSpec, sharedSpec, specChanged, specCopy } from '../appliance/shared-spec';
import { markAsVirtualService } from '../appliance/virtual-service-marker';
import { addVirtualServiceResources } from '../provision/virtual-service-resources';
import { IVirtualServiceSource } from '../appliance/virtual-service-source';
import { canonicalAddress } from '../net/addresses';
import { printable } from '../net/printable';
import { realServerDefaults, schedulerOrDefault } from '../spec/defaults';
import { HealthCheck } from '../spec/health-check';
import { Persistence } from '../spec/persistence';
import { RealServerProps } from '../spec/real-server';
import { portsListedTwice } from '../spec/ports';
import { ApplianceSpec, RealServerSpec, SPEC_SCHEMA_VERSION, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { withoutUndefined } from '../spec/without-undefined';
import { formatProblem, ValidationProblem } from '../validation/problem';
import { FACTORY_OPTIONS_SCHEMAS } from '../appliance/props-schemas';
import { declaredPropsProblems, factoryOptionProblems } from '../validation/props-contract';
import { notReservedId } from '../provision/reserved-ids';
import { objectOr } from '../spec/object-or';
import { schemaProblems } from '../validation/schema-problems';
import { isVirtualServiceSpec, virtualServiceSpecProblems } from '../validation/spec-contract';
import { virtualServiceWarnings } from '../validation/virtual-service-rules';
import { VirtualServiceBaseProps } from './virtual-service-props';
import { VirtualServiceLayerSpec } from './virtual-service-layer-spec';

/**
 * What every VIP construct shares: a name, an address, real servers, a health check and
 * persistence, resolved into a {@link VirtualServiceSpec} at synth. Use {@link Layer4Vip},
 * {@link ReverseProxyVip}, {@link DicomVip} or {@link Hl7Vip}.
 */
export abstract class VirtualService extends Construct implements IVirtualServiceSource {
  /** The VIP's name on the appliance. */
  public readonly name: string;
  /** The appliance the VIP lives on. */
  public readonly appliance: LoadBalancerAppliance;
  private readonly baseProps: VirtualServiceBaseProps;
  private readonly realServers: RealServerProps[];
  private healthCheck: HealthCheck;
  private persistence: Persistence;
  /** Problems of arguments given to methods after construction (`configureHealthCheck(...)`). */
  private readonly callProblems: ValidationProblem[] = [];

  /**
   * @param scope the LoadBalancerAppliance (or a construct inside it)
   * @param id the construct id; also the VIP's name unless `name` is given
   * @param props what every VIP has
   * @param defaultHealthCheck the check of this kind of VIP when `props.healthCheck` is not given
   */
  protected constructor(scope: Construct, id: string, props: VirtualServiceBaseProps, defaultHealthCheck: HealthCheck) {
    super(scope, notReservedId(id, 'VIP'));
    markAsVirtualService(this);
    this.appliance = LoadBalancerAppliance.of(this);
    // Props are checked against their schema at synth; until then they are read defensively.
    const given = objectOr(props) as VirtualServiceBaseProps;
    this.baseProps = given;
    // A name that is not text is reported at synth; the id stands in, so Terraform values stay text.
    this.name = typeof given.name === 'string' ? given.name : id;
    this.realServers = Array.isArray(given.realServers) ? [...given.realServers] : [];
    this.healthCheck = given.healthCheck instanceof HealthCheck ? given.healthCheck : defaultHealthCheck;
    this.persistence = given.persistence instanceof Persistence ? given.persistence : Persistence.none();
    this.node.addValidation({ validate: () => this.validate() });
    // Synth reads the spec about ten times per VIP: resolved once, until a method below changes
    // the VIP (props are read-only, so nothing else can).
    resolvesSpec(this, () => this.resolveSpec());
    addVirtualServiceResources(this, this.appliance, { vip: () => sharedSpec(this), appliance: () => sharedSpec(this.appliance) });
  }

  /** Adds a real server; it is part of the spec at synth like those given in the props. */
  public addRealServer(server: RealServerProps): void {
    specChanged(this);
    this.realServers.push(server);
  }

  /** Replaces the health check. */
  public configureHealthCheck(check: HealthCheck): void {
    specChanged(this);
    if (check instanceof HealthCheck) this.healthCheck = check;
    else this.callProblems.push(...schemaProblems({ instanceOf: 'HealthCheck' }, check, this.subject, 'configureHealthCheck'));
  }

  /** Replaces the persistence. */
  public configurePersistence(persistence: Persistence): void {
    specChanged(this);
    if (persistence instanceof Persistence) this.persistence = persistence;
    else this.callProblems.push(...schemaProblems({ instanceOf: 'Persistence' }, persistence, this.subject, 'configurePersistence'));
  }

  /** The resolved spec of this VIP as it stands now. */
  public toSpec(): VirtualServiceSpec {
    return specCopy(sharedSpec<VirtualServiceSpec>(this));
  }

  private resolveSpec(): VirtualServiceSpec {
    const layer = this.layerSpec();
    return withoutUndefined({
      schemaVersion: SPEC_SCHEMA_VERSION,
      appliance: this.appliance.name,
      name: this.name,
      description: this.baseProps.description,
      layer: layer.layer,
      forwarding: layer.forwarding,
      proxyMode: layer.proxyMode,
      clientAddress: layer.clientAddress,
      address: canonicalAddress(this.baseProps.address),
      protocol: layer.protocol,
      ports: layer.ports,
      scheduler: schedulerOrDefault(this.baseProps.scheduler),
      healthCheck: this.healthCheck.toSpec(),
      persistence: this.persistence.toSpec(layer.layer),
      clientTimeoutSeconds: layer.clientTimeoutSeconds,
      serverTimeoutSeconds: layer.serverTimeoutSeconds,
      maxConnections: this.baseProps.maxConnections,
      realServers: this.realServers.filter((rip) => rip !== null && typeof rip === 'object').map(resolveRealServer),
    });
  }

  /** Legal but probably unintended props (a port listed twice), as warnings. */
  private propsWarnings(): string[] {
    const ports = (this.baseProps as { ports?: unknown }).ports;
    return portsListedTwice(ports).map((port) => `[pacs-lb:port-listed-twice] ${this.subject}: ports: port ${port} is listed twice, and it is one listener. Remove the repetition.`);
  }

  /** The fields this kind of VIP decides for its layer. */
  protected abstract layerSpec(): VirtualServiceLayerSpec;

  /** The name messages start with, whatever was given. */
  private get subject(): string {
    return printable(this.name) !== '' ? printable(this.name) : printable(this.node.id);
  }

  /** Props first (types, enums, keys), then the spec contract; warnings only for a spec that meets the schema. */
  private validate(): string[] {
    const props = [
      ...declaredPropsProblems(this, this.subject, Array.isArray(this.baseProps.realServers) ? { realServers: this.realServers } : {}),
      ...factoryOptionProblems(this.healthCheck, this.subject, 'healthCheck', FACTORY_OPTIONS_SCHEMAS),
      ...factoryOptionProblems(this.persistence, this.subject, 'persistence', FACTORY_OPTIONS_SCHEMAS),
    ];
    if (props.length > 0 || this.callProblems.length > 0) return [...props, ...this.callProblems].map(formatProblem);
    const spec = sharedSpec<VirtualServiceSpec>(this);
    const appliance = sharedSpec<ApplianceSpec>(this.appliance);
    if (isVirtualServiceSpec(spec)) {
      for (const warning of [...virtualServiceWarnings(spec, appliance), ...this.propsWarnings()]) {
        if (!this.node.metadata.some((m) => m.data === warning)) Annotations.of(this).addWarning(warning);
      }
    }
    return virtualServiceSpecProblems(spec, appliance).map(formatProblem);
  }
}

function resolveRealServer(server: RealServerProps): RealServerSpec {
  const { weight, state } = realServerDefaults(server);
  return withoutUndefined({
    name: server.name,
    address: canonicalAddress(server.address),
    port: server.port,
    weight,
    minConnections: server.minConnections,
    maxConnections: server.maxConnections,
    state,
    stateManaged: server.state === undefined ? undefined : true,
    encrypted: server.encrypted,
  });
}
