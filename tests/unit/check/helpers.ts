/** Shared by the checker's tests: a resource as YAML text, and istiod's webhook findings on a text. */
import { expect } from 'vitest';
import { checkManifests } from '~/lib/istio/check';

/** The words kubectl prints before every message of istiod's validating webhook. */
export const webhookPrefix = 'admission webhook "validation.istio.io" denied the request: configuration is invalid: ';

/** One resource as YAML: `spec` is the already indented text under `spec:`. */
export const resource = (apiVersion: string, kind: string, spec: string, name = 'x') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

/** [path, message without the webhook prefix] of each error; every error must come from the webhook stage. */
export const denied = (text: string) =>
  checkManifests(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => {
      expect([d.code, d.message]).toEqual(['webhook', expect.stringMatching(/^admission webhook "validation\.istio\.io" denied the request: configuration is invalid: /)]);
      return [d.path, d.message.replace(webhookPrefix, '')];
    });
