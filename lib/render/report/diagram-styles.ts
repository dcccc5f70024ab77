import { ForwardingMethod } from '../../spec/forwarding-method';
import { ProxyMode } from '../../spec/proxy-mode';
import { RealServerState } from '../../spec/real-server-state';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { LAYER4_MODE_WORDS, LAYER7_MODE_WORDS, STATE_LEGEND_WORDS } from '../../spec/words';

/** How the report draws one mode: a two-line badge, a stroke colour and a light fill. */
export interface ModeStyle {
  /** Key used in CSS classes and `data-mode` attributes. */
  readonly key: string;
  /** Badge text, two short lines: `L4` / `DR`. */
  readonly badge: [string, string];
  /** Legend words. */
  readonly legend: string;
  /** Stroke and badge colour (Okabe-Ito palette, readable by colour-blind reviewers). */
  readonly colour: string;
  /** Light fill of the VIP box. */
  readonly fill: string;
}

const LAYER4_STYLES: Record<ForwardingMethod, ModeStyle> = {
  [ForwardingMethod.DR]: { key: 'l4-dr', badge: ['L4', 'DR'], legend: LAYER4_MODE_WORDS[ForwardingMethod.DR], colour: '#0072b2', fill: '#e3f0f8' },
  [ForwardingMethod.NAT]: { key: 'l4-nat', badge: ['L4', 'NAT'], legend: LAYER4_MODE_WORDS[ForwardingMethod.NAT], colour: '#007a5a', fill: '#e0f3ec' },
  [ForwardingMethod.SNAT]: { key: 'l4-snat', badge: ['L4', 'SNAT'], legend: LAYER4_MODE_WORDS[ForwardingMethod.SNAT], colour: '#b36b00', fill: '#fdf0d9' },
};

const LAYER7_STYLES: Record<ProxyMode, ModeStyle> = {
  [ProxyMode.TCP]: { key: 'l7-tcp', badge: ['L7', 'TCP'], legend: LAYER7_MODE_WORDS[ProxyMode.TCP], colour: '#a4457d', fill: '#f7e6ef' },
  [ProxyMode.HTTP]: { key: 'l7-http', badge: ['L7', 'HTTP'], legend: LAYER7_MODE_WORDS[ProxyMode.HTTP], colour: '#6a3d9a', fill: '#ece5f4' },
};

/** Every mode's style, in legend order. */
export const MODE_STYLES: ModeStyle[] = [...Object.values(LAYER4_STYLES), ...Object.values(LAYER7_STYLES)];

/** The style of a VIP's mode. */
export function modeStyle(vip: ResolvedVirtualService): ModeStyle {
  return vip.layer === 7 ? LAYER7_STYLES[vip.proxyMode] : LAYER4_STYLES[vip.forwarding];
}

/** How the report draws a real server's administrative state. */
export interface StateStyle {
  /** Legend words. */
  readonly legend: string;
  /** Box stroke. */
  readonly stroke: string;
  /** SVG dash pattern of the stroke; empty for a solid line. */
  readonly dash: string;
  /** The same line as a CSS border style, for the legend. */
  readonly border: string;
  /** Box fill. */
  readonly fill: string;
  /** Text colour. */
  readonly text: string;
}

/** Each state's style: solid for online, dashed amber for drain, dotted red on grey for halt. */
export const STATE_STYLES: Record<RealServerState, StateStyle> = {
  [RealServerState.ONLINE]: { legend: STATE_LEGEND_WORDS[RealServerState.ONLINE], stroke: '#2e7d32', dash: '', border: 'solid', fill: '#ffffff', text: '#1a1a1a' },
  [RealServerState.DRAIN]: { legend: STATE_LEGEND_WORDS[RealServerState.DRAIN], stroke: '#b36b00', dash: '6 3', border: 'dashed', fill: '#fff4e0', text: '#1a1a1a' },
  [RealServerState.HALT]: { legend: STATE_LEGEND_WORDS[RealServerState.HALT], stroke: '#c62828', dash: '2 2', border: 'dotted', fill: '#ececec', text: '#5a5a5a' },
};
