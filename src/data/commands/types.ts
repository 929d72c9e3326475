import type { ExamDomainId } from '../curriculum';

/** The parts of the site a command belongs to: the exam domains of src/data/curriculum.ts, plus the site's own sections. */
export type CommandDomain = 'fundamentals' | ExamDomainId | 'exam';

/** The programs a command can start with; anything else (export, cd, openssl, a loop) is `shell`. */
export const commandTools = ['istioctl', 'kubectl', 'helm', 'curl', 'shell'] as const;
export type CommandTool = (typeof commandTools)[number];

/**
 * One command as written in a catalog file: src/data/commands/topics/<domain>.ts for commands of topic pages,
 * src/data/commands/labs/<lab>.ts for commands only labs use. Domain and tool are not written: they are derived
 * (see CommandEntry).
 */
export interface CommandSpec {
  /** Stable, unique, kebab-case id, prefixed by the tool, e.g. `istioctl-analyze-namespace`. Used in MDX: <Command id="..." />. */
  id: string;
  /** The command exactly as a reader would type it. Placeholders in angle brackets: `<namespace>`. */
  command: string;
  /** What it does, one or two sentences in our own words. */
  summary: string;
  /** Task tags for filtering and search, e.g. ['injection', 'debug']. */
  tags: string[];
  /** The Istio release that added it, where that matters. */
  since?: string;
  /** The Istio release that removed it. Such a command is shown only as history, never as one to run. */
  removedIn?: string;
  /** What replaces a removed command (an id of another entry). */
  replacedBy?: string;
  /**
   * A short, neutral sample of its output, for topic pages, /commands/ and cheat sheets. Lab pages never show
   * it: a lab step writes the output it produces (<Command output=...>).
   */
  output?: string;
  /** The page that explains it, as a site path, e.g. `/troubleshooting/istioctl-analyze/`. */
  page?: string;
}

/** A catalog command with what is derived from where and how it is written. */
export interface CommandEntry extends CommandSpec {
  /** From the file: topics/<domain>.ts, or for labs/<lab>.ts the domain of the lab's first competency. */
  domain: CommandDomain;
  /** From the command's first word (after VAR=value assignments). */
  tool: CommandTool;
  /** The catalog file it is written in, relative to src/data/commands/ without `.ts`: `topics/traffic`, `labs/edge-tls`. */
  source: string;
}
