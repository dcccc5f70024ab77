import { RealServerSpec } from '../spec/virtual-service-spec';
import { CodeConstant, CodeValue, list, props } from './code-model';
import { realServerCode, realServerFields } from './construct-code';
import { canonicalJson, sameJson } from './same-spec';

/** A camelCase identifier from free text: `EA_XDS_Service` → `eaXdsService`; never empty, never starting with a digit. */
export function camelName(words: string): string {
  // All-capital parts (EA, XDS) are words; a part already in camelCase (enterpriseArchive) keeps its capitals.
  const parts = words.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => (w === w.toUpperCase() ? w.toLowerCase() : w));
  const name = parts.map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(name) ? name : `vip${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/**
 * The named server lists of the generated file ("inventory"): each distinct list of real
 * servers is written once, as a constant, and referred to by name; a VIP whose servers are a
 * named list with a few changes refers to its elements (`eaServers[0]`, `{ ...eaServers[1],
 * state: RealServerState.DRAIN }`), so no server's literals are repeated.
 */
export class Inventory {
  private readonly lists: { name: string; servers: RealServerSpec[] }[] = [];

  /** The constants, in the order they were named. */
  public get constants(): CodeConstant[] {
    return this.lists.map((l) => ({ name: l.name, elementType: 'RealServerProps', value: list(l.servers.map(realServerCode)) }));
  }

  /** A reference to the named list of exactly these servers, naming a new one (`<hint>Servers`) if none is. */
  public named(servers: RealServerSpec[], hint: string): CodeValue {
    const key = canonicalJson(servers);
    const found = this.lists.find((l) => canonicalJson(l.servers) === key);
    if (found) return { kind: 'ref', name: found.name };
    const base = `${camelName(hint)}Servers`;
    let name = base;
    for (let i = 2; this.lists.some((l) => l.name === name); i++) name = `${base}${i}`;
    this.lists.push({ name, servers });
    return { kind: 'ref', name };
  }

  /** The servers as a list written against the named list `name`: its elements where equal, changed ones where only some fields differ. */
  public against(name: string, servers: RealServerSpec[]): CodeValue {
    const base = this.lists.find((l) => l.name === name)?.servers ?? [];
    return list(servers.map((server) => this.element(name, base, server)));
  }

  private element(name: string, base: RealServerSpec[], server: RealServerSpec): CodeValue {
    const index = base.findIndex((b) => b.name === server.name);
    if (index < 0) return realServerCode(server);
    if (sameJson(base[index], server)) return { kind: 'element', list: name, index };
    const mine = realServerFields(server);
    const theirs = realServerFields(base[index]);
    const changed = Object.keys(mine).filter((k) => !sameJson(mine[k], theirs[k]));
    // A field the base has and this server lacks cannot be written as a change: write the server whole.
    if (changed.some((k) => mine[k] === undefined)) return realServerCode(server);
    const fields = props(Object.fromEntries(changed.map((k) => [k, mine[k]])));
    return { kind: 'changed', list: name, index, fields: fields.kind === 'props' ? fields.fields : [] };
  }
}
