/**
 * Reads the YAML a learner typed: every document with its kind, or the first syntax problem with its
 * line. Engine errors (a field path inside one object) are mapped back to a line. Browser-safe.
 */
import { isNode, type Document } from 'yaml';
import { formatPath, locatePath, parseYaml, type ParsedYaml, type PathSegment } from '../../../lib/yaml/paths';

/** Text larger than this is refused with a message (the engine handles 64 KB well under 100 ms). */
export const MAX_INPUT = 256 * 1024;

export interface YamlObject {
  /** 0-based document index. */
  index: number;
  kind: string;
  name: string;
  value: unknown;
  doc: Document.Parsed;
}

export type ReadYaml = { ok: true; objects: YamlObject[]; parsed: ParsedYaml } | { ok: false; message: string; line?: number };

export function readYaml(text: string, label: string): ReadYaml {
  if (text.length > MAX_INPUT) return { ok: false, message: `${label}: the text is ${Math.round(text.length / 1024)} KB; the simulator reads at most ${MAX_INPUT / 1024} KB.` };
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(text);
  } catch (e) {
    return { ok: false, message: `${label}: the YAML could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
  const objects: YamlObject[] = [];
  for (const [i, doc] of parsed.documents.entries()) {
    const err = doc.errors[0];
    if (err) {
      const line = parsed.lineCounter.linePos(err.pos[0]).line;
      const first = err.message.split('\n')[0] ?? err.message;
      return { ok: false, line, message: `${label}, line ${line}: ${first}` };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return { ok: false, message: `${label}, document ${i + 1}: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      const line = isNode(doc.contents) && doc.contents.range ? parsed.lineCounter.linePos(doc.contents.range[0]).line : 1;
      return { ok: false, line, message: `${label}, line ${line}: expected a Kubernetes object (kind, metadata, spec), not ${Array.isArray(value) ? 'a list' : 'a plain value'}.` };
    }
    const v = value as { kind?: unknown; metadata?: { name?: unknown } };
    objects.push({ index: i, kind: typeof v.kind === 'string' ? v.kind : '', name: typeof v.metadata?.name === 'string' ? v.metadata.name : '', value, doc });
  }
  return { ok: true, objects, parsed };
}

/** "line 12, spec.http[0].match[0].uri.regex" for an engine error inside one object. */
export function whereIs(obj: YamlObject, parsed: ParsedYaml, segments: readonly PathSegment[]): { line?: number; text: string } {
  for (let n = segments.length; n > 0; n--) {
    const at = locatePath(obj.doc, segments.slice(0, n), parsed.lineCounter);
    if (at) return { line: at.line, text: `line ${at.line}, ${formatPath(segments)}` };
  }
  return { text: segments.length ? formatPath(segments) : 'the document' };
}

/** First and last line of the node at `segments` (a rule, a block), for highlighting. */
export function lineRange(obj: YamlObject, parsed: ParsedYaml, segments: readonly PathSegment[]): { from: number; to: number } | undefined {
  const node = obj.doc.getIn(segments as PathSegment[], true);
  if (!isNode(node) || !node.range) return undefined;
  const from = parsed.lineCounter.linePos(node.range[0]).line;
  const to = parsed.lineCounter.linePos(Math.max(node.range[0], node.range[1] - 1)).line;
  return { from, to };
}
