/** What an analyzer sees: the loaded resources by kind, the mesh config, and a way to report a message. */
import { messageText, type AnalysisMessage, type GoValue } from './format';
import type { Resource } from './load';
import { messageTypes, type MessageCode } from './messages.gen';
import type { MeshConfig } from './mesh-config';

export interface Reported {
  message: AnalysisMessage;
  resource: Resource;
}

/** `Kind ns/name`, or `Kind name` when there is no namespace (istioctl's FriendlyName). */
export function friendlyName(r: Pick<Resource, 'kind' | 'namespace' | 'name'>): string {
  return r.namespace ? `${r.kind} ${r.namespace}/${r.name}` : `${r.kind} ${r.name}`;
}

/** `ns/name` or `name` (resource.FullName.String()). */
export function fullName(r: Pick<Resource, 'namespace' | 'name'>): string {
  return r.namespace ? `${r.namespace}/${r.name}` : r.name;
}

/** `{.spec.http[0].route[0]}` → `spec.http[0].route[0]`. */
const keyToPath = (key: string) => key.slice(2, -1);

export class AnalysisContext {
  readonly reported: Reported[] = [];
  private readonly byKind = new Map<string, Resource[]>();

  constructor(
    resources: readonly Resource[],
    readonly mesh: MeshConfig,
  ) {
    for (const r of resources) {
      const list = this.byKind.get(r.kind) ?? [];
      list.push(r);
      this.byKind.set(r.kind, list);
    }
  }

  list(kind: string): readonly Resource[] {
    return this.byKind.get(kind) ?? [];
  }

  find(kind: string, namespace: string, name: string): Resource | undefined {
    return this.list(kind).find((r) => r.namespace === namespace && r.name === name);
  }

  /** Records a message; `field` (istioctl's `{.spec...}` key) moves the line to that field when it exists. */
  report(code: MessageCode, resource: Resource, args: readonly GoValue[], field?: string): void {
    const fieldLine = field === undefined ? undefined : resource.fields.get(field);
    const message: AnalysisMessage = {
      code,
      level: messageTypes[code].level,
      resource: friendlyName(resource),
      message: messageText(code, args),
      file: resource.file,
      line: fieldLine ?? resource.line,
    };
    if (fieldLine !== undefined && field !== undefined) message.path = keyToPath(field);
    this.reported.push({ message, resource });
  }
}

export interface Analyzer {
  /** Istio's analyzer name (`virtualservice.GatewayAnalyzer`). */
  name: string;
  /** Kinds it reads; istioctl skips the analyzer when one of them cannot be loaded. */
  inputs: readonly string[];
  analyze(ctx: AnalysisContext): void;
}
