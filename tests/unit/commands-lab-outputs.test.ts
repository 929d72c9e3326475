import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { labCommands, stepOutputText } from '../../src/lib/labs';
import { checkLabOutputs, checkManifestOutput, checkProxyStatusTable, readyCountsShown, statusCodesShown } from '../../src/lib/commands/lab-outputs';
import { getCommand } from '../../src/data/commands';

const root = join(import.meta.dirname, '../..');
const labsDir = join(root, 'src/content/docs/labs');
const labs = readdirSync(labsDir).filter((f) => f.endsWith('.mdx') && f !== 'index.mdx').map((f) => f.replace(/\.mdx$/, ''));
const exampleReader = (lab: string) => (file: string) => {
  const p = join(root, 'src/examples/labs', lab, file);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
};

describe('every lab output agrees with its step', () => {
  it('finds the 22 labs', () => expect(labs).toHaveLength(22));

  for (const lab of labs) {
    it(lab, () => {
      const mdx = readFileSync(join(labsDir, `${lab}.mdx`), 'utf8');
      const cmds = labCommands(mdx);
      expect(cmds.length, 'commands found').toBeGreaterThan(0);
      for (const c of cmds) expect(() => getCommand(c.id), `line ${c.line}`).not.toThrow();
      const problems = checkLabOutputs(cmds, exampleReader(lab)).map((p) => `${lab}.mdx:${p.line} ${p.id}: ${p.reason}`);
      expect(problems).toEqual([]);
      // A lab never hides catalog output: it shows none unless the step writes its own.
      expect(mdx).not.toMatch(/output=\{false\}/);
    });
  }

  it('every `kubectl apply -f` in a lab shows the objects of its file', () => {
    const withoutOutput: string[] = [];
    for (const lab of labs) {
      for (const c of labCommands(readFileSync(join(labsDir, `${lab}.mdx`), 'utf8'))) {
        if (c.id === 'kubectl-apply-file' && c.output === undefined && !/\b(reject|rejected|refused|denied|fails?)\b/i.test(c.before + c.after)) withoutOutput.push(`${lab}:${c.line} ${c.values.file}`);
      }
    }
    expect(withoutOutput).toEqual([]);
  });
});

const vs = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: shop\n';
const twoDocs = `${vs}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: httpbin\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: httpbin\n`;

describe('the output checks can fail', () => {
  it('an apply output must name the kinds and names of the file', () => {
    expect(checkManifestOutput('apply', 'vs.yaml', 'virtualservice.networking.istio.io/reviews created', vs)).toEqual([]);
    expect(checkManifestOutput('apply', 'vs.yaml', 'gateway.networking.istio.io/reviews created', vs).join()).toMatch(/names gateway\.networking\.istio\.io\/reviews/);
    expect(checkManifestOutput('apply', 'vs.yaml', 'virtualservice.networking.istio.io/ratings configured', vs).join()).toMatch(/does not hold/);
    expect(checkManifestOutput('apply', 'two.yaml', 'service/httpbin created', twoDocs).join()).toMatch(/holds/);
    expect(
      checkManifestOutput('apply', 'two.yaml', 'virtualservice.networking.istio.io/reviews unchanged\nservice/httpbin created\ndeployment.apps/httpbin configured', twoDocs),
    ).toEqual([]);
    expect(checkManifestOutput('apply', 'vs.yaml', 'virtualservice/reviews created', vs).join()).toMatch(/does not hold/);
    expect(checkManifestOutput('apply', 'vs.yaml', 'virtualservice.networking.istio.io/reviews applied', vs).join()).toMatch(/not a kubectl apply result/);
  });

  it('a rejected apply shows an error naming the file, and no success line', () => {
    const err = 'Error from server (BadRequest): error when creating "vs.yaml": admission webhook "validation.istio.io" denied the request: configuration is invalid: bad';
    expect(checkManifestOutput('apply', 'vs.yaml', err, vs)).toEqual([]);
    expect(checkManifestOutput('apply', 'other.yaml', err.replace('vs.yaml', 'x.yaml'), vs).join()).toMatch(/does not name the file/);
    expect(checkManifestOutput('apply', 'vs.yaml', `${err}\nvirtualservice.networking.istio.io/reviews created`, vs).join()).toMatch(/rejected/);
  });

  it('a delete output names the objects with quotes', () => {
    expect(checkManifestOutput('delete', 'vs.yaml', 'virtualservice.networking.istio.io "reviews" deleted', vs)).toEqual([]);
    expect(checkManifestOutput('delete', 'vs.yaml', 'virtualservice.networking.istio.io/reviews deleted', vs).join()).toMatch(/not a kubectl delete result/);
  });

  const lab = (body: string) => labCommands(`## Steps\n\n<Steps>\n\n${body}\n\n</Steps>\n`);
  const read = (file: string) => (file === 'vs.yaml' ? vs : undefined);

  it('a status code shown must be the one the step states', () => {
    expect(checkLabOutputs(lab('1. **Fail.** Expect `503`:\n\n   <Command id="x" output="503" />'), read)).toEqual([]);
    expect(checkLabOutputs(lab('1. **Fail.** Expect `503`:\n\n   <Command id="x" output="200" />'), read)[0]?.reason).toMatch(/shows status 200; the step states 503/);
    expect(checkLabOutputs(lab('1. **Quiet.** Send it:\n\n   <Command id="x" output="200" />'), read)[0]?.reason).toMatch(/states no status/);
    // The code stated after the command counts when nothing is stated before it.
    expect(checkLabOutputs(lab('1. Send it:\n\n   <Command id="x" output="HTTP/1.1 403 Forbidden" />\n\n   The answer is `403`.'), read)).toEqual([]);
    // A code stated in another step does not count.
    expect(checkLabOutputs(lab('1. Expect `503`.\n\n2. Send it:\n\n   <Command id="x" output="200" />'), read)[0]?.reason).toMatch(/states no status/);
  });

  it('READY counts shown must be stated in the step', () => {
    const pods = (ready: string) => `output={[\n     'NAME        READY   STATUS    RESTARTS   AGE',\n     'curl-abc    ${ready}     Running   0          1m',\n   ]}`;
    expect(checkLabOutputs(lab(`1. Without a sidecar the pod is \`1/1\`:\n\n   <Command id="x" ${pods('1/1')} />`), read)).toEqual([]);
    expect(checkLabOutputs(lab(`1. Without a sidecar the pod is \`1/1\`:\n\n   <Command id="x" ${pods('2/2')} />`), read)[0]?.reason).toMatch(/READY 2\/2/);
  });

  it('analyze names the namespace it analysed', () => {
    const cmd = (ns: string) => lab(`1. Check:\n\n   <Command id="istioctl-analyze-namespace" with={{ namespace: 'shop' }} output="✔ No validation issues found when analyzing namespace: ${ns}." />`);
    expect(checkLabOutputs(cmd('shop'), read)).toEqual([]);
    expect(checkLabOutputs(cmd('bookinfo'), read)[0]?.reason).toMatch(/names namespace bookinfo/);
  });

  it('a proxy-status table has the 1.26 columns and ages', () => {
    const head = 'NAME     CLUSTER     CDS     LDS     EDS     RDS     ECDS     ISTIOD     VERSION';
    expect(checkProxyStatusTable(`${head}\ncurl.shop     Kubernetes     SYNCED (2m)     SYNCED (2m)     SYNCED (2m)     SYNCED (2m)     IGNORED     istiod-x     1.26.8`)).toEqual([]);
    expect(checkProxyStatusTable(`${head}\ncurl.shop     Kubernetes     SYNCED     SYNCED     SYNCED     SYNCED     NOT SENT     istiod-x     1.26.8`).join()).toMatch(/age after SYNCED/);
    expect(checkProxyStatusTable('NAME     CLUSTER     CDS     LDS     EDS     RDS     ISTIOD     VERSION').join()).toMatch(/columns are/);
  });

  it('an apply in a lab is checked against the lab example it names', () => {
    expect(checkLabOutputs(lab('1. Apply:\n\n   <Command id="kubectl-apply-file" with={{ file: \'vs.yaml\' }} output="gateway.networking.istio.io/reviews created" />'), read)[0]?.reason).toMatch(/gateway/);
    expect(checkLabOutputs(lab('1. Apply:\n\n   <Command id="kubectl-apply-file" with={{ file: \'gone.yaml\' }} output="x/y created" />'), read)[0]?.reason).toMatch(/no example file gone\.yaml/);
  });
});

describe('reading outputs from MDX', () => {
  it('reads an output written as an array of lines, leading spaces kept', () => {
    const [c] = labCommands("1. Go:\n\n   <Command id=\"a\" output={[\n     '     20 Hello v2',\n     '      3 it\\'s v1 -> ok',\n   ]} />");
    expect(c?.output).toBe("     20 Hello v2\n      3 it's v1 -> ok");
    expect(stepOutputText(['a', ' b'])).toBe('a\n b');
    expect(stepOutputText('one line')).toBe('one line');
  });

  it('finds status codes and READY columns', () => {
    expect(statusCodesShown('200\n     12 503\nHTTP/2 403 \nhello 200')).toEqual(['200', '503', '403']);
    expect(readyCountsShown('NAME   READY   STATUS\na      2/2     Running\nb      1/1     Running')).toEqual(['2/2', '1/1']);
  });

  it('reads with={{...}} values and the step text', () => {
    const [c] = labCommands("1. **Go.** Expect `404`:\n\n   <Command id=\"a\" with={{ namespace: 'shop', path: 'health' }} output=\"404\" />\n\n2. Next.");
    expect(c).toMatchObject({ id: 'a', values: { namespace: 'shop', path: 'health' }, output: '404', line: 3 });
    expect(c!.stepText).toContain('Expect `404`');
    expect(c!.stepText).not.toContain('Next');
  });
});
