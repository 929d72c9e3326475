/** The analyze and conformance CLIs, called through their main functions on temporary files. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, parseArgs } from '../../../scripts/analyze';
import { normalizeResource, runCase } from '../../../scripts/conformance';

const dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const broken = write(
  'reviews.yaml',
  `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: v3
`,
);
const clean = write('dr.yaml', 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews\n');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run analyze', () => {
  it('prints findings as istioctl does and exits 0', async () => {
    const r = await run(broken);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Error [IST0101] (VirtualService default/reviews ${broken}:10) Referenced host+subset in destinationrule not found: "reviews+v3"`);
    expect(r.err).toBe(
      'Error: Analyzers found issues when analyzing namespace: default.\nSee https://istio.io/v1.26/docs/reference/config/analysis for more information about causes and resolutions.',
    );
  });

  it('prints JSON objects with the six fields', async () => {
    const r = await run('-o', 'json', broken);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      { code: 'IST0101', level: 'Error', resource: 'VirtualService default/reviews', message: 'Referenced host+subset in destinationrule not found: "reviews+v3"', file: broken, line: 10 },
    ]);
    expect(JSON.parse((await run('--output=json', clean)).out)).toEqual([]);
  });

  it('prints the success line on stderr when nothing is found', async () => {
    const one = await run(clean);
    expect(one).toEqual({ code: 0, out: '', err: `\u2714 No validation issues found when analyzing ${clean}.` });
    const two = await run(clean, clean.replace('dr.yaml', 'dr.yaml'));
    expect(two.err).toBe(`\u2714 No validation issues found when analyzing:\n  - ${clean}\n  - ${clean}`);
  });

  it('walks directories for .yaml/.yml/.json and skips other files with a note', async () => {
    const sub = join(dir, 'tree');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'notes.txt'), 'hello');
    writeFileSync(join(sub, 'vs.yml'), 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v}\nspec:\n  hosts: [v]\n  http:\n  - route:\n    - destination: {host: v, subset: a}\n');
    const r = await run(sub);
    expect(r.err).toContain(`Skipping file ${join(sub, 'notes.txt')}, recognized file extensions are: [.json .yaml .yml]`);
    expect(r.out).toContain('Referenced host+subset in destinationrule not found: "v+a"');
  });

  it('applies a mesh config file', async () => {
    const se = write('se.yaml', 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: db}\nspec:\n  hosts: [db.example.com]\n  ports:\n  - {number: 5432, name: tcp-db, protocol: TCP}\n  resolution: DNS\n');
    expect((await run(se)).out).toContain('[IST0134]');
    const mesh = write('mesh.yaml', 'defaultConfig:\n  proxyMetadata:\n    ISTIO_META_DNS_CAPTURE: "true"\n    ISTIO_META_DNS_AUTO_ALLOCATE: "true"\n');
    expect((await run('--mesh-config', mesh, se)).out).toBe('');
  });

  it('reports IST0106 from istiod validation (the checker\'s webhook stage)', async () => {
    const pool = write('pool.yaml', 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: d}\nspec:\n  host: d\n  trafficPolicy:\n    connectionPool: {}\n');
    const r = await run(pool);
    expect(r.out).toMatch(/^Error \[IST0106\] \(DestinationRule default\/d .*pool\.yaml:1\) Schema validation error: .*connection pool must have at least one field/);
  });

  it('exits 1 with a clear message for a missing file, and 2 for bad arguments', async () => {
    const missing = await run(join(dir, 'nope.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^Error: ENOENT: no such file or directory/);
    expect((await run()).code).toBe(2);
    const format = await run('-o', 'xml', broken);
    expect(format).toMatchObject({ code: 2, err: expect.stringContaining('xml not a valid option for format') });
    expect((await run('--frobnicate', broken)).err).toContain('unknown flag --frobnicate');
    expect((await run('-n', 'a', '-A', broken)).code).toBe(2);
  });

  it('says which documents it could not read', async () => {
    const bad = write('bad.yaml', 'apiVersion: v1\nkind: [oops\n');
    const r = await run(bad);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Error(s) adding files:\n\t* ${bad}:`);
    expect(r.err).toContain('No validation issues found when analyzing namespace: default (but 1 file could not be parsed).');
  });

  it('parses flags', () => {
    expect(parseArgs(['-A', '--with-kube-objects', 'a.yaml'])).toMatchObject({ allNamespaces: true, withKubeObjects: true, paths: ['a.yaml'] });
    expect(parseArgs(['-n', 'shop', '--meshConfigFile', 'm.yaml', 'a.yaml'])).toMatchObject({ namespace: 'shop', meshConfig: 'm.yaml' });
  });
});

describe('npm run conformance', () => {
  it('compares a case folder by code and resource, within the case scope', () => {
    const folder = join(dir, 'case-1');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'input.yaml'),
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: db}\nspec:\n  host: db.example.com\n  trafficPolicy:\n    tls: {mode: SIMPLE}\n',
    );
    writeFileSync(
      join(folder, 'case.yaml'),
      'inputFiles: [input.yaml]\nmeshConfigFile: null\nscope: [IST0128, IST0129]\nexpected:\n- {code: IST0128, resource: DestinationRule db}\n- {code: IST0129, resource: DestinationRule other}\n',
    );
    const r = runCase(folder);
    expect(r).toMatchObject({ expected: 2, matched: ['IST0128 DestinationRule default/db'], missed: ['IST0129 DestinationRule default/other'], extra: [] });
    expect(normalizeResource('Service a/b')).toBe('Service a/b');
  });
});
