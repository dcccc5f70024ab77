import { IConstruct } from 'constructs';
import { VirtualServiceSpec } from '../spec/virtual-service-spec';

/**
 * Something that can be rendered into a spec: every VIP construct is one.
 */
export interface IVirtualServiceSource extends IConstruct {
  /** The VIP's name on the appliance. */
  readonly name: string;
  /** The resolved spec of the VIP, computed now (so later `addRealServer` calls are included). */
  toSpec(): VirtualServiceSpec;
}
