/**
 * A small line-layout engine (Wadler's "prettier printer", the algorithm prettier itself
 * uses): a document of text, groups, indentation and optional line breaks is printed with each
 * group on one line when it fits the width, else broken at its line breaks. The code printers
 * use it so that generated code comes out the way the usual formatters (prettier, black) would
 * write it, without needing them at run time.
 */
export type Doc = string | Doc[] | { readonly type: 'group'; readonly contents: Doc; readonly shouldBreak: boolean } | { readonly type: 'indent'; readonly contents: Doc } | { readonly type: 'line'; readonly soft: boolean; readonly hard: boolean } | { readonly type: 'if-break'; readonly broken: Doc; readonly flat: Doc };

/** On one line when it fits, else broken at each of its own line breaks; `shouldBreak` breaks it always. */
export const group = (contents: Doc, shouldBreak = false): Doc => ({ type: 'group', contents, shouldBreak });
/** Its line breaks are indented one level more. */
export const indent = (contents: Doc): Doc => ({ type: 'indent', contents });
/** A space on one line, a line break when broken. */
export const line: Doc = { type: 'line', soft: false, hard: false };
/** Nothing on one line, a line break when broken. */
export const softline: Doc = { type: 'line', soft: true, hard: false };
/** Always a line break (its groups break). */
export const hardline: Doc = { type: 'line', soft: false, hard: true };
/** `broken` when the enclosing group breaks, else `flat`. */
export const ifBreak = (broken: Doc, flat: Doc = ''): Doc => ({ type: 'if-break', broken, flat });

/** The docs joined by a separator. */
export function join(separator: Doc, docs: Doc[]): Doc[] {
  return docs.flatMap((doc, i) => (i === 0 ? [doc] : [separator, doc]));
}

type Mode = 'flat' | 'break';
type Command = [number, Mode, Doc];

/** Whether a doc holds a hard line break (then its groups must break). */
function hasHardLine(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.some(hasHardLine);
  if (doc.type === 'line') return doc.hard;
  if (doc.type === 'if-break') return hasHardLine(doc.broken);
  return hasHardLine(doc.contents);
}

/** Whether `next` (flat) and what follows it up to the next line break fit in `width`. */
function fits(next: Command, rest: Command[], width: number): boolean {
  const commands: Command[] = [next];
  let remaining = width;
  let restIndex = rest.length;
  while (remaining >= 0) {
    if (commands.length === 0) {
      if (restIndex === 0) return true;
      commands.push(rest[--restIndex]);
      continue;
    }
    const [ind, mode, doc] = commands.pop()!;
    if (typeof doc === 'string') remaining -= doc.length;
    else if (Array.isArray(doc)) for (let i = doc.length - 1; i >= 0; i--) commands.push([ind, mode, doc[i]]);
    else if (doc.type === 'indent') commands.push([ind, mode, doc.contents]);
    else if (doc.type === 'group') commands.push([ind, doc.shouldBreak && mode === 'break' ? 'break' : mode, doc.contents]);
    else if (doc.type === 'if-break') commands.push([ind, mode, mode === 'break' ? doc.broken : doc.flat]);
    else if (mode === 'break' || doc.hard) return true;
    else remaining -= doc.soft ? 0 : 1;
  }
  return false;
}

/** Prints a doc at `width` columns, indenting by `indentWidth` spaces; no trailing spaces. */
export function printDoc(doc: Doc, width: number, indentWidth: number): string {
  const out: string[] = [];
  let column = 0;
  const commands: Command[] = [[0, 'break', doc]];
  while (commands.length > 0) {
    const [ind, mode, current] = commands.pop()!;
    if (typeof current === 'string') {
      out.push(current);
      column += current.length;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push([ind, mode, current[i]]);
    } else if (current.type === 'indent') {
      commands.push([ind + indentWidth, mode, current.contents]);
    } else if (current.type === 'if-break') {
      commands.push([ind, mode, mode === 'break' ? current.broken : current.flat]);
    } else if (current.type === 'group') {
      const breaks = current.shouldBreak || hasHardLine(current.contents);
      const flat: Command = [ind, 'flat', current.contents];
      commands.push(!breaks && fits([flat[0], 'flat', current.contents], commands, width - column) ? flat : [ind, 'break', current.contents]);
    } else if (mode === 'flat' && !current.hard) {
      if (!current.soft) {
        out.push(' ');
        column += 1;
      }
    } else {
      while (out.length > 0 && / +$/.test(out[out.length - 1])) out[out.length - 1] = out[out.length - 1].replace(/ +$/, '');
      out.push('\n', ' '.repeat(ind));
      column = ind;
    }
  }
  return out.join('').replace(/[ ]+\n/g, '\n');
}
