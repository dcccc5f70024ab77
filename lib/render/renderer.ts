import { ResolvedVirtualService } from '../spec/resolved-virtual-service';
import { ApplianceSpec } from '../spec/virtual-service-spec';

/** A file to write, by path relative to the appliance's output folder. */
export interface RenderedFile {
  /** Relative path, `/`-separated. */
  readonly path: string;
  /** Full text of the file. */
  readonly content: string;
}

/** JSON as written to disk: two-space indentation and a final newline. */
export function jsonFile(path: string, value: unknown): RenderedFile {
  return { path, content: `${JSON.stringify(value, null, 2)}\n` };
}

/**
 * A renderer of appliance-level files: a pure function of the appliance, the resolved view of
 * its VIP specs (in declaration order) and the validation warnings synth gives them. Adding an
 * output format is adding an entry to APPLIANCE_RENDERERS (lib/synth/appliance-renderers.ts).
 */
export type ApplianceRenderer = (appliance: ApplianceSpec, vips: ResolvedVirtualService[], warnings: string[]) => RenderedFile[];
