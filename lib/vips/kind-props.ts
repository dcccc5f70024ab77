import { IConstruct } from 'constructs';
import { objectOr } from '../spec/object-or';
import { Ports, portsSpecOf } from '../spec/ports';
import { declareProps } from '../validation/props-contract';
import { JsonSchema } from '../spec/spec-schema';
import { VirtualServiceLayerSpec } from './virtual-service-layer-spec';

/**
 * The props of one kind of VIP (Layer 4, Layer 7): declared with their schema, so synth checks
 * them, and read defensively until then (a non-object stands in as `{}`).
 */
export function kindProps<T>(vip: IConstruct, schema: JsonSchema, props: T): T {
  declareProps(vip, schema, props);
  return objectOr(props) as T;
}

/** The layer fields of a kind of VIP: its layer, its ports resolved, and the fields only that layer has. */
export function layerSpecOf(layer: number, ports: Ports, fields: Omit<VirtualServiceLayerSpec, 'layer' | 'ports'>): VirtualServiceLayerSpec {
  return { layer, ports: portsSpecOf(ports), ...fields };
}
