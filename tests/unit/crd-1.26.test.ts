/**
 * @kubernetes-models/istio is generated from newer CRDs (1.29) than the exam's Istio 1.26. This test checks
 * every example against Istio 1.26's own CRD schemas (reference data beside the repository, so it runs only
 * where ../shared exists, as on CI): no field and no enum value that 1.26 does not know.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesDir, listExampleFiles } from '~/lib/istio/examples';

const crdFile = join(process.cwd(), '../shared/reference/istio-1.26-crds.yaml');

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: unknown[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
}

function check(value: unknown, schema: Schema, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  if (schema.enum && !schema.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)} in Istio 1.26`);
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((v, i) => check(v, schema.items!, `${path}[${i}]`, out));
    return;
  }
  if (typeof value !== 'object') return;
  if (schema['x-kubernetes-preserve-unknown-fields'] && !schema.properties) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const prop = schema.properties?.[k];
    if (prop) check(v, prop, `${path}.${k}`, out);
    else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') check(v, schema.additionalProperties, `${path}.${k}`, out);
    else if (schema.additionalProperties === true || schema['x-kubernetes-preserve-unknown-fields']) continue;
    else out.push(`${path}.${k}: no such field in Istio 1.26`);
  }
}

describe.runIf(existsSync(crdFile))('examples against the Istio 1.26 CRDs (reference data)', () => {
  // Read in beforeAll: a skipped describe still runs its body while collecting tests.
  const schemas = new Map<string, Schema>();
  beforeAll(() => {
    for (const doc of parseAllDocuments(readFileSync(crdFile, 'utf8'))) {
      const crd = doc.toJS() as { spec?: { group: string; names: { kind: string }; versions: Array<{ name: string; schema?: { openAPIV3Schema?: Schema } }> } } | null;
      if (!crd?.spec) continue;
      for (const v of crd.spec.versions) {
        const spec = v.schema?.openAPIV3Schema?.properties?.spec;
        if (spec) schemas.set(`${crd.spec.group}/${v.name}|${crd.spec.names.kind}`, spec);
      }
    }
  });

  it('reads the CRD schemas', () => {
    expect(schemas.has('networking.istio.io/v1|VirtualService')).toBe(true);
  });

  it('detects an unknown field and an enum value 1.26 does not have', () => {
    const out: string[] = [];
    check({ hosts: ['a'], http: [{ mach: [] }] }, schemas.get('networking.istio.io/v1|VirtualService')!, 'spec', out);
    check({ resolution: 'DYNAMIC_DNS', hosts: ['x'] }, schemas.get('networking.istio.io/v1|ServiceEntry')!, 'spec', out);
    expect(out).toEqual([
      'spec.http[0].mach: no such field in Istio 1.26',
      expect.stringContaining('spec.resolution: "DYNAMIC_DNS" is not one of'),
    ]);
  });

  it('no example uses a field or enum value that Istio 1.26 does not have', () => {
    const problems: string[] = [];
    for (const file of listExampleFiles()) {
      const text = readFileSync(join(examplesDir, file), 'utf8');
      if (/^# @expect-invalid/m.test(text)) continue;
      parseAllDocuments(text).forEach((doc, i) => {
        const obj = doc.toJS() as { apiVersion?: string; kind?: string; spec?: unknown } | null;
        if (!obj?.apiVersion || !obj.kind) return;
        const schema = schemas.get(`${obj.apiVersion}|${obj.kind}`);
        if (!schema) return; // Kubernetes core kinds and IstioOperator are not Istio CRDs
        const out: string[] = [];
        check(obj.spec, schema, 'spec', out);
        problems.push(...out.map((p) => `${file} (document ${i + 1}): ${p}`));
      });
    }
    expect(problems).toEqual([]);
  });
});
