/**
 * istiod's checks of a WorkloadGroup (istio/istio pkg/config/validation/validation.go
 * ValidateWorkloadGroup and validateReadinessProbe at 1.26.8). The CRD already bounds the probe's numbers,
 * ports and scheme, so what reaches the webhook is the template's labels, probe header names, an empty
 * exec command, and a probe with no method istiod knows (none, or `grpc`, which 1.26.8 does not handle).
 */
import type { PathSegment } from '../../../yaml/field-path';
import { labelErrors } from './common';
import { isObj, list, newReport, obj, str, type Obj, type Report } from './report';

/** ValidateProbeHeaderName: stricter than the CRD's pattern, which also allows `_`. */
function probeHeaderError(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  return /^[-A-Za-z0-9]+$/.test(name) ? undefined : `header name ${name} is not a valid header name`;
}

/** hashicorp/go-multierror's list format, which istiod wraps into the labels error (trailing blank line dropped). */
const multiError = (errors: string[]) =>
  errors.length === 1 ? `1 error occurred:\n\t* ${errors[0]}` : `${errors.length} errors occurred:\n\t${errors.map((e) => `* ${e}`).join('\n\t')}`;

function checkProbe(r: Report, probe: Obj): void {
  const at: PathSegment[] = ['spec', 'probe'];
  if (isObj(probe.httpGet)) {
    list(probe.httpGet.httpHeaders).forEach((raw, i) => {
      const header = obj(raw);
      const name = str(header.name);
      const e = probeHeaderError(name);
      if (e) r.deny(name === '' ? [...at, 'httpGet', 'httpHeaders', i] : [...at, 'httpGet', 'httpHeaders', i, 'name'], e);
    });
  } else if (isObj(probe.tcpSocket)) {
    // Only the port, which the CRD already bounds.
  } else if (isObj(probe.exec)) {
    if (list(probe.exec.command).length === 0) r.deny([...at, 'exec', 'command'], 'exec.command is required');
  } else {
    // Go's %T of the oneof: nil when no method is set; the grpc wrapper type otherwise.
    r.deny(isObj(probe.grpc) ? [...at, 'grpc'] : at, `unknown health check method ${isObj(probe.grpc) ? '*v1alpha3.ReadinessProbe_Grpc' : '<nil>'}`);
  }
}

export function checkWorkloadGroup(spec: Obj): Report {
  const r = newReport();
  const metadata = spec.metadata;
  if (isObj(metadata)) {
    const bad = labelErrors(obj(metadata.labels));
    if (bad.length) {
      // istiod stops at the first failed check here: the probe is not looked at.
      const at: PathSegment[] = bad.length === 1 ? ['spec', 'metadata', 'labels', bad[0]![0]] : ['spec', 'metadata', 'labels'];
      r.deny(at, `invalid labels: ${multiError(bad.map(([, e]) => e))}`);
      return r;
    }
  }
  if (isObj(spec.probe)) checkProbe(r, spec.probe);
  return r;
}
