/** One command the site shows. Every command block on the site renders from an entry like this. */
export interface CommandEntry {
  /** Stable, unique, kebab-case id, e.g. `istioctl-analyze-namespace`. Used in MDX: <Command id="..." />. */
  id: string;
  /** The command exactly as a reader would type it. Placeholders in angle brackets: `<namespace>`. */
  command: string;
  /** What it does, one or two sentences in our own words. */
  summary: string;
  /** The part of the site it belongs to. */
  domain: 'fundamentals' | 'install' | 'traffic' | 'security' | 'troubleshooting' | 'exam';
  /** The program that runs it. */
  tool: 'istioctl' | 'kubectl' | 'helm' | 'curl' | 'shell';
  /** Task tags for filtering and search, e.g. ['injection', 'debug']. */
  tags: string[];
  /** The Istio release that added it, where that matters. */
  since?: string;
  /** The Istio release that removed it. Such a command is shown only as history, never as one to run. */
  removedIn?: string;
  /** What replaces a removed command (an id of another entry). */
  replacedBy?: string;
  /** A short, representative sample of its output. */
  output?: string;
  /** The page that explains it, as a site path, e.g. `/troubleshooting/istioctl-analyze/`. */
  page?: string;
}
