/**
 * What a change does to traffic, for a change board: from harmless to disruptive.
 */
export enum ChangeImpact {
  /** Applied without dropping or moving a connection (a hitless reload at most). */
  HITLESS = 'hitless',
  /** Something new: a VIP or real server. */
  ADDS = 'adds',
  /** Servers stop taking new connections; open ones finish. */
  DRAINS = 'drains servers',
  /** Open connections are cut (a halt, a new address or port, a VIP's listener rebuilt). */
  CUTS = 'cuts connections',
  /** A VIP or real server goes away, with its connections. */
  REMOVES = 'removes',
}

/** Order of severity, least first: a VIP's label is its worst change's. */
const SEVERITY = [ChangeImpact.HITLESS, ChangeImpact.ADDS, ChangeImpact.DRAINS, ChangeImpact.CUTS, ChangeImpact.REMOVES];

/** The worst of some impacts (hitless for none). Pure. */
export function worstImpact(impacts: ChangeImpact[]): ChangeImpact {
  return impacts.reduce((worst, i) => (SEVERITY.indexOf(i) > SEVERITY.indexOf(worst) ? i : worst), ChangeImpact.HITLESS);
}

/** VIP fields whose change rebuilds the listener or the forwarding: open connections are cut. */
const CUTTING_VIP_FIELDS = new Set(['address', 'ports', 'layer', 'protocol', 'forwarding', 'proxyMode', 'clientAddress']);
/** Real-server fields whose change sends traffic elsewhere: open connections are cut. */
const CUTTING_RIP_FIELDS = new Set(['address', 'port', 'encrypted']);

/**
 * What changing one field does. `field` is a VIP field (`address`, `healthCheck.rise`) or a
 * real server's (`realServers.EA1.weight`); values as JSON text. Pure.
 */
export function impactOf(field: string, before: string | undefined, after: string | undefined): ChangeImpact {
  const rip = /^realServers\.[^.]+(?:\.(.+))?$/.exec(field);
  if (rip) {
    const name = rip[1];
    if (name === undefined) return before === undefined ? ChangeImpact.ADDS : ChangeImpact.REMOVES;
    if (name === 'state') return after === '"halt"' ? ChangeImpact.CUTS : after === '"drain"' ? ChangeImpact.DRAINS : ChangeImpact.HITLESS;
    if (name === 'weight') return after === '0' ? ChangeImpact.DRAINS : ChangeImpact.HITLESS;
    return CUTTING_RIP_FIELDS.has(name) ? ChangeImpact.CUTS : ChangeImpact.HITLESS;
  }
  return CUTTING_VIP_FIELDS.has(field.split('.')[0]) ? ChangeImpact.CUTS : ChangeImpact.HITLESS;
}
