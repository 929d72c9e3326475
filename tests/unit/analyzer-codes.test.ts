import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzerCodes, checkerCodes, explainCode } from '~/data/analyzer-codes';
import { analyzeFiles, messageTypes } from '~/lib/istio/analyze';
import { runCheck } from '~/components/check/run-check';

/** Every IST code some analyzer emits: the quoted codes in src/lib/istio/analyze (generated tables excluded). */
function emittedCodes(): string[] {
  const dir = join(process.cwd(), 'src/lib/istio/analyze');
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.gen.ts')).map((f) => join(dir, f)), ...readdirSync(join(dir, 'analyzers')).map((f) => join(dir, 'analyzers', f))];
  const found = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/'(IST\d{4})'/g)) found.add(m[1]!);
  return [...found].sort();
}

describe('the IST code reference (src/data/analyzer-codes.ts)', () => {
  it('has one entry for every code the analyzers emit, and only for real codes', () => {
    const emitted = emittedCodes();
    expect(emitted.length).toBeGreaterThan(30);
    const documented = analyzerCodes.map((c) => c.code).sort();
    expect(emitted.filter((c) => !documented.includes(c as never))).toEqual([]);
    for (const c of documented) expect(Object.keys(messageTypes)).toContain(c);
    expect(new Set(documented).size).toBe(documented.length);
  });

  for (const entry of analyzerCodes) {
    it(`${entry.code}: the minimal example triggers it`, () => {
      const { messages, errors } = analyzeFiles([{ name: 'example.yaml', text: entry.example }], {
        runtimeResources: true,
        allNamespaces: true,
        namespace: 'default',
        meshConfig: entry.meshConfig,
      });
      expect(errors).toEqual([]);
      expect(messages.map((m) => m.code)).toContain(entry.code);
      expect(entry.teaches).toMatch(/^\/[a-z0-9-]+\/([a-z0-9-]+\/)?$/);
      expect(entry.meaning.length).toBeGreaterThan(20);
      expect(entry.fix.length).toBeGreaterThan(10);
    });
  }

  it('explains every checker code and every documented IST code, linking IST codes to their anchor', () => {
    for (const code of Object.keys(checkerCodes)) expect(explainCode(code)?.summary).toBeTruthy();
    expect(explainCode('IST0101')?.href).toBe('/troubleshooting/analyzer-codes/#ist0101');
    expect(explainCode('nothing')).toBeUndefined();
  });
});

describe('runCheck (what the Check YAML page reports)', () => {
  const typo = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - matchs:
    - uri:
        prefix: /
    route:
    - destination:
        host: reviews`;

  it('reports kubectl\'s unknown field at its line', () => {
    const { findings } = runCheck(typo);
    expect(findings).toContainEqual(expect.objectContaining({ code: 'unknown-field', line: 9, tool: 'kubectl apply', message: expect.stringContaining('unknown field "spec.http[0].matchs"') }));
  });

  it('resolves references against a context set, and reports them without it', () => {
    const route = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        port:
          number: 9080`;
    expect(runCheck(route).findings.map((f) => f.code)).toContain('IST0101');
    expect(runCheck(route, ['bookinfo']).findings).toEqual([]);
  });

  it('names the limit it stopped at', () => {
    const out = runCheck('a: b\n'.repeat(300_000));
    expect(out.limit).toMatch(/KiB/);
    expect(out.findings[0]?.code).toBe('input-limit');
  });
});
