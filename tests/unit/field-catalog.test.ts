import { describe, expect, it } from 'vitest';
import { catalogKey, declarationModules, generateFieldCatalog, loadFieldCatalog } from '~/lib/istio/field-catalog';
import { describeField } from '~/lib/istio/examples';
import { models } from '~/lib/istio/models.gen';
import { istioKinds, kubernetesKinds } from '~/data/versions';

const catalog = await loadFieldCatalog();

describe('field catalog (derived from the @kubernetes-models type declarations)', () => {
  it('has a tree for every served Istio kind and version, and for the Kubernetes kinds', () => {
    for (const { apiVersion, kind } of declarationModules()) {
      expect(catalog.get(catalogKey(apiVersion, kind))?.fields?.size, `${apiVersion} ${kind}`).toBeGreaterThan(2);
    }
  });

  it('knows VirtualService fields down to header matches, with the API descriptions', () => {
    const vs = catalog.get(catalogKey('networking.istio.io/v1', 'VirtualService'))!;
    const match = vs.fields!.get('spec')!.fields!.get('http')!.items!.fields!.get('match')!.items!;
    expect([...match.fields!.keys()]).toEqual(expect.arrayContaining(['uri', 'headers', 'queryParams', 'withoutHeaders', 'method', 'authority']));
    expect(match.fields!.get('headers')!.values).toBeDefined();
    expect(describeField(vs, ['spec', 'http', 0, 'timeout'])).toBe('Timeout for HTTP requests, default is disabled.');
  });

  it('gives metadata the Kubernetes ObjectMeta fields', () => {
    const dr = catalog.get(catalogKey('networking.istio.io/v1', 'DestinationRule'))!;
    expect([...dr.fields!.get('metadata')!.fields!.keys()]).toEqual(expect.arrayContaining(['name', 'namespace', 'labels', 'annotations']));
  });

  it('generates the same tree afresh as the cached one', () => {
    const fresh = generateFieldCatalog();
    expect([...fresh.keys()].sort()).toEqual([...catalog.keys()].sort());
    const count = (n: import('~/lib/istio/field-node').FieldNode, seen = new Set<object>()): number => {
      if (seen.has(n)) return 0;
      seen.add(n);
      let c = n.fields?.size ?? 0;
      for (const v of n.fields?.values() ?? []) c += count(v, seen);
      if (n.items) c += count(n.items, seen);
      if (n.values) c += count(n.values, seen);
      return c;
    };
    const key = catalogKey('networking.istio.io/v1', 'DestinationRule');
    expect(count(fresh.get(key)!)).toBe(count(catalog.get(key)!));
  });

  it('leaves free-form Struct fields open', () => {
    const io = catalog.get(catalogKey('install.istio.io/v1alpha1', 'IstioOperator'))!;
    expect(io.fields!.get('spec')!.fields!.get('meshConfig')!.freeForm).toBe(true);
  });
});

describe('model map (src/lib/istio/models.gen.ts)', () => {
  it('has a model for exactly the kinds in src/data/versions.ts (run npm run gen:models after changing it)', () => {
    const expected = [
      ...istioKinds.flatMap((k) => k.versions.map((v) => `${k.group}/${v.version}|${k.kind}`)),
      ...kubernetesKinds.map((k) => `${k.apiVersion}|${k.kind}`),
    ].sort();
    expect(Object.keys(models).sort()).toEqual(expected);
  });
});
