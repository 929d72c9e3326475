/**
 * Context sets: manifests under src/examples/context/ that stand for what a cluster already holds (Bookinfo,
 * the ingress gateway), so that references in the user's YAML resolve. Validated like every example.
 */
const files = import.meta.glob<string>('/src/examples/context/*.yaml', { query: '?raw', import: 'default', eager: true });

export interface ContextSet {
  name: string;
  /** The file's `# @title`. */
  title: string;
  text: string;
}

export const contextSets: ReadonlyMap<string, ContextSet> = new Map(
  Object.entries(files).map(([path, text]) => {
    const name = path.replace(/^.*\/|\.yaml$/g, '');
    const title = /^# @title (.+)$/m.exec(text)?.[1] ?? name;
    return [name, { name, title, text }];
  }),
);
