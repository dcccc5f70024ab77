import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { problem, formatProblem, ValidationProblem } from '../validation/problem';
import { declaredPropsProblems, declareProps } from '../validation/props-contract';
import { notReservedId } from '../provision/reserved-ids';
import { CENTRICITY_PACS_PROPS_SCHEMA } from './centricity-pacs-props-schema';
import { objectOr } from '../spec/object-or';
import { DicomVip } from '../vips/dicom-vip';
import { Hl7Vip } from '../vips/hl7-vip';
import { Layer4Vip } from '../vips/layer4-vip';
import { ReverseProxyVip } from '../vips/reverse-proxy-vip';
import { VirtualService } from '../vips/virtual-service';
import { VirtualServiceBaseProps } from '../vips/virtual-service-props';
import { CentricityComponent, CentricityPacsProps, CentricityVipOverride } from './centricity-pacs-props';
import { CENTRICITY_VIP_SET, CentricityVipRow } from './centricity-vip-set';

/**
 * The whole GE HealthCare Centricity PACS virtual-service set of the vendor-validated
 * deployment guide for Loadbalancer.org: up to 19 VIPs carrying DICOM, HL7, XDS and web
 * viewer traffic, in Layer 4 DR, Layer 4 SNAT and Layer 7 reverse-proxy modes, built from the
 * site's server inventory. Create it inside a {@link LoadBalancerAppliance}.
 *
 * Components the site does not run are left out of the props and their VIPs are not created;
 * any single VIP can be changed with `overrides` without re-declaring the rest, or afterwards
 * through `vip(name)`.
 */
export class CentricityPacs extends Construct {
  /** The VIPs created, in the guide's order. */
  public readonly virtualServices: VirtualService[];
  private readonly props: CentricityPacsProps;

  /**
   * @param scope the LoadBalancerAppliance (or a construct inside it)
   * @param id the construct id; also part of every VIP path
   * @param props the service-pack level, the server inventory by component, and overrides
   */
  constructor(scope: Construct, id: string, props: CentricityPacsProps) {
    super(scope, notReservedId(id, 'preset'));
    // Props are checked against their schema at synth; until then they are read defensively.
    this.props = objectOr(props) as CentricityPacsProps;
    declareProps(this, CENTRICITY_PACS_PROPS_SCHEMA, props);
    this.virtualServices = CENTRICITY_VIP_SET.filter((row) => this.props[row.component] !== undefined).map((row) => this.createVip(row));
    this.node.addValidation({ validate: () => this.validatePreset().map(formatProblem) });
  }

  /** The VIP of that name (as the guide names it); throws if the preset did not create it. */
  public vip(name: string): VirtualService {
    const found = this.virtualServices.find((v) => v.name === name);
    if (!found) {
      const names = this.virtualServices.map((v) => v.name).join(', ');
      throw new Error(`${this.node.path}: no VIP named ${name} in this CentricityPacs (it has: ${names || 'none'}); is its component in the props?`);
    }
    return found;
  }

  private createVip(row: CentricityVipRow): VirtualService {
    const component = objectOr(this.props[row.component]) as CentricityComponent;
    const change = objectOr(objectOr(this.props.overrides)[row.name]) as CentricityVipOverride;
    const base: VirtualServiceBaseProps = {
      name: row.name,
      description: `Centricity PACS VIP ${row.number} ${row.name}: ${row.carries}`,
      address: change.address ?? component.address,
      scheduler: change.scheduler,
      healthCheck: change.healthCheck ?? row.healthCheck(this.props.servicePack, this.props),
      persistence: change.persistence ?? row.persistence(this.props),
      realServers: change.realServers ?? component.servers,
      maxConnections: change.maxConnections,
    };
    const ports = change.ports ?? row.ports(this.props.servicePack);
    const forwarding = change.forwarding ?? row.forwarding;
    switch (row.kind) {
      case 'dicom':
      case 'secure-dicom':
        return new DicomVip(this, row.name, { ...base, ports, forwarding, tls: row.kind === 'secure-dicom' });
      case 'hl7':
      case 'secure-hl7':
        return new Hl7Vip(this, row.name, { ...base, ports, forwarding, tls: row.kind === 'secure-hl7' });
      case 'layer4':
        return new Layer4Vip(this, row.name, { ...base, ports, forwarding });
      default:
        return new ReverseProxyVip(this, row.name, { ...base, ports });
    }
  }

  private validatePreset(): ValidationProblem[] {
    const props = declaredPropsProblems(this, this.node.id);
    if (props.length > 0) return props;
    if (this.virtualServices.length === 0) {
      const warning = `[pacs-lb:empty-preset] ${this.node.id}: components: the props name no component the site runs, so the preset creates no VIP. Add the site's components, e.g. enterpriseArchive.`;
      if (!this.node.metadata.some((m) => m.data === warning)) Annotations.of(this).addWarning(warning);
    }
    const problems: ValidationProblem[] = [];
    const created = new Set(this.virtualServices.map((v) => v.name));
    for (const [name, change] of Object.entries(this.props.overrides ?? {})) {
      const row = CENTRICITY_VIP_SET.find((r) => r.name === name);
      if (!row) {
        problems.push(problem(name, 'overrides', 'the Centricity PACS VIP set has no VIP of this name', `Use one of the guide's names: ${CENTRICITY_VIP_SET.map((r) => r.name).join(', ')}`));
      } else if (!created.has(name)) {
        problems.push(problem(name, 'overrides', `the VIP is not created because the ${row.component} component is not in the props`, `Add ${row.component} to the props, or remove the override`));
      } else if (change.forwarding !== undefined && row.kind === 'reverse-proxy') {
        problems.push(problem(name, 'overrides.forwarding', 'a Layer 7 reverse-proxy VIP has no Layer 4 forwarding method', 'Remove forwarding from the override'));
      }
    }
    const dbMt = this.virtualServices.find((v) => v.name === 'DB_MT');
    if (dbMt && dbMt.toSpec().healthCheck.port === undefined) {
      problems.push(problem('DB_MT', 'healthCheck.port', 'the guide\'s "connect to port" check on DB_MT (every TCP port but 20000) needs an explicit port, and there is no obvious one', 'Set database.mtCheckPort in the CentricityPacs props to a port every database node listens on'));
    }
    return problems;
  }
}
