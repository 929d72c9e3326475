/**
 * The task model of the exam rehearsal. A task is data plus probes: the probes are small functions that ask
 * the semantics engine how the learner's configuration behaves, one probe per requirement.
 */

export type TaskKind = 'yaml' | 'troubleshoot' | 'command';

/** One Kubernetes object as the grader sees it (parsed from YAML, untrusted). */
export interface ClusterObject {
  kind: string;
  name: string;
  namespace: string;
  value: Record<string, unknown>;
}

/** The objects after `kubectl apply` of the context and then the answer (same kind/namespace/name: the answer wins). */
export interface World {
  objects: ClusterObject[];
  /** Objects of one kind, oldest first. */
  ofKind(kind: string): ClusterObject[];
}

export interface ProbeOutcome {
  pass: boolean;
  /** What the probe observed, in words: "a request with end-user: jason went to reviews v1". */
  saw: string;
}

export interface Probe {
  /** Stable id, unique inside its task. */
  id: string;
  /** The requirement it checks, as the task states it: "end-user: jason goes to v2". */
  requirement: string;
  run(world: World): ProbeOutcome;
}

interface TaskBase {
  /** Stable, kebab-case, unique in the bank (stored in progress). */
  id: string;
  kind: TaskKind;
  /** A competency id from src/data/curriculum.ts. */
  competency: string;
  title: string;
  /** The situation: namespace, what runs, what exists. Plain text; paragraphs split on blank lines. */
  context: string;
  /** What to do, one line per requirement. */
  requirements: string[];
  /** The istio.io v1.26 page a candidate would open during the exam. */
  docsUrl: string;
  /** Our page that teaches it (site path). */
  pagePath: string;
  /** Why the model solution works (shown in review and after practice). */
  explanation: string;
  /** Practice-mode hints, least revealing first. */
  hints: string[];
}

export interface YamlTask extends TaskBase {
  kind: 'yaml' | 'troubleshoot';
  /** The namespace `kubectl apply` uses for objects without metadata.namespace. */
  namespace: string;
  /** Objects that already exist, shown read-only (YAML, may be empty). */
  given: string;
  /** What the editor starts with (troubleshooting: the broken manifests to fix). */
  starter: string;
  solution: string;
  probes: Probe[];
}

/** What a command must mean. Flags are long names without dashes; values compare exactly unless `anyValue`. */
export interface CommandExpectation {
  tool: 'istioctl';
  /** Canonical subcommand path, e.g. `proxy-config routes`. */
  path: string;
  flags?: Record<string, string | true>;
  /** Positional arguments, in order (`pod.namespace` forms are compared by meaning, see grade/command.ts). */
  args?: string[];
  /** `--set key=value` pairs (IstioOperator paths, `spec.` optional). */
  sets?: Record<string, string>;
}

export interface CommandTask extends TaskBase {
  kind: 'command';
  solution: string;
  expect: CommandExpectation;
}

export type Task = YamlTask | CommandTask;

export interface ProbeResult {
  id: string;
  requirement: string;
  pass: boolean;
  saw: string;
}

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  line?: number;
  /** `schema`: the API server would reject it; `analyze`: istioctl analyze reports it. */
  source: 'schema' | 'analyze';
}

export interface GradeResult {
  taskId: string;
  /** 0..1 */
  score: number;
  /** Points earned and possible: one per probe. */
  earned: number;
  possible: number;
  /** The answer was rejected (YAML unreadable, or the API server would refuse it): every probe scores 0. */
  rejected: boolean;
  diagnostics: Diagnostic[];
  probes: ProbeResult[];
  /** Deductions for analyzer errors, in points. */
  penalty: number;
}

