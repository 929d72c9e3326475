import { analyzeFiles, formatMessage, type AnalyzeOptions } from '~/lib/istio/analyze';

/** Analyzes one fixture file as a cluster would hold it (every kind, every namespace). */
export function cluster(text: string, options: AnalyzeOptions = {}) {
  return analyzeFiles([{ name: 'fixture.yaml', text }], { runtimeResources: true, allNamespaces: true, namespace: 'default', ...options });
}

/** `CODE Kind ns/name` for each message of the given codes. */
export function codes(text: string, only: readonly string[], options: AnalyzeOptions = {}): string[] {
  return cluster(text, options)
    .messages.filter((m) => only.includes(m.code))
    .map((m) => `${m.code} ${m.resource}`);
}

export function lines(text: string, options: AnalyzeOptions = {}): string[] {
  return cluster(text, options).messages.map(formatMessage);
}

export const doc = (...parts: string[]) => parts.join('\n---\n');

export const pod = (name: string, ns: string, labels: Record<string, string>, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${ns}
  labels: ${JSON.stringify(labels)}
spec:
  containers:
  - name: app
    image: example/app:1
${extra}`;

export const namespace = (name: string, labels: Record<string, string> = {}) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels: ${JSON.stringify(labels)}`;
