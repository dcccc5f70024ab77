import { IConstruct } from 'constructs';

const VIRTUAL_SERVICE_SYMBOL = Symbol.for('cdktf-pacs-lb.VirtualService');

/** Marks a construct as a VIP of this library, so its appliance can find it without an import cycle. */
export function markAsVirtualService(construct: IConstruct): void {
  Object.defineProperty(construct, VIRTUAL_SERVICE_SYMBOL, { value: true });
}

/** Whether a construct was marked as a VIP. */
export function isVirtualService(construct: IConstruct): boolean {
  return VIRTUAL_SERVICE_SYMBOL in construct;
}
