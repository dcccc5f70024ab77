import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { LoadBalancerAppliance } from '../appliance/load-balancer-appliance';
import { markAsVirtualService } from '../appliance/virtual-service-marker';
import { addVirtualServiceResources } from '../provision/virtual-service-resources';
import { IVirtualServiceSource } from '../appliance/virtual-service-source';
import { canonicalAddress } from '../validation/addresses';
import { DEFAULT_WEIGHT } from '../spec/defaults';
import { HealthCheck } from '../spec/health-check';
import { Persistence } from '../spec/persistence';
import { RealServerProps } from '../spec/real-server';
import { RealServerState } from '../spec/real-server-state';
import { Scheduler } from '../spec/scheduler';
import { RealServerSpec, SPEC_SCHEMA_VERSION, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { withoutUndefined } from '../spec/without-undefined';
import { formatProblem } from '../validation/problem';
import { validateVirtualService, virtualServiceWarnings } from '../validation/virtual-service-rules';
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

  /**
   * @param scope the LoadBalancerAppliance (or a construct inside it)
   * @param id the construct id; also the VIP's name unless `name` is given
   * @param props what every VIP has
   * @param defaultHealthCheck the check of this kind of VIP when `props.healthCheck` is not given
   */
  protected constructor(scope: Construct, id: string, props: VirtualServiceBaseProps, defaultHealthCheck: HealthCheck) {
    super(scope, id);
    markAsVirtualService(this);
    this.appliance = LoadBalancerAppliance.of(this);
    this.baseProps = props;
    this.name = props.name ?? id;
    this.realServers = [...(props.realServers ?? [])];
    this.healthCheck = props.healthCheck ?? defaultHealthCheck;
    this.persistence = props.persistence ?? Persistence.none();
    this.node.addValidation({ validate: () => this.validate() });
    addVirtualServiceResources(this);
  }

  /** Adds a real server; it is part of the spec at synth like those given in the props. */
  public addRealServer(server: RealServerProps): void {
    this.realServers.push(server);
  }

  /** Replaces the health check. */
  public configureHealthCheck(check: HealthCheck): void {
    this.healthCheck = check;
  }

  /** Replaces the persistence. */
  public configurePersistence(persistence: Persistence): void {
    this.persistence = persistence;
  }

  /** The resolved spec of this VIP as it stands now. */
  public toSpec(): VirtualServiceSpec {
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
      scheduler: this.baseProps.scheduler ?? Scheduler.WEIGHTED_LEAST_CONNECTIONS,
      healthCheck: this.healthCheck.toSpec(),
      persistence: this.persistence.toSpec(layer.layer),
      clientTimeoutSeconds: layer.clientTimeoutSeconds,
      serverTimeoutSeconds: layer.serverTimeoutSeconds,
      maxConnections: this.baseProps.maxConnections,
      realServers: this.realServers.map(resolveRealServer),
    });
  }

  /** The fields this kind of VIP decides for its layer. */
  protected abstract layerSpec(): VirtualServiceLayerSpec;

  private validate(): string[] {
    const spec = this.toSpec();
    const appliance = this.appliance.toSpec();
    for (const warning of virtualServiceWarnings(spec, appliance)) {
      if (!this.node.metadata.some((m) => m.data === warning)) Annotations.of(this).addWarning(warning);
    }
    return validateVirtualService(spec, appliance).map(formatProblem);
  }
}

function resolveRealServer(server: RealServerProps): RealServerSpec {
  return withoutUndefined({
    name: server.name,
    address: canonicalAddress(server.address),
    port: server.port,
    weight: server.weight ?? DEFAULT_WEIGHT,
    minConnections: server.minConnections,
    maxConnections: server.maxConnections,
    state: server.state ?? RealServerState.ONLINE,
    stateManaged: server.state === undefined ? undefined : true,
    encrypted: server.encrypted,
  });
}
