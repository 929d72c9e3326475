import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authzPresets } from '../../../src/components/sim/authz/presets';
import { mtlsPresets } from '../../../src/components/sim/mtls/presets';
import { routePresets } from '../../../src/components/sim/route/presets';
import { checkManifests, formatDiagnostic } from '../../../src/lib/istio/check';
import { checkExampleFile, examplesDir, listExampleFiles } from '../../../src/lib/istio/examples';
import { parseExampleFile } from '../../../src/lib/yaml/example-file';

const simulators = {
  authz: authzPresets,
  mtls: mtlsPresets,
  route: routePresets,
} satisfies Record<string, readonly { id: string; fields: { yaml: string } }[]>;

describe.each(Object.entries(simulators))('%s presets are example files under src/examples/sim/', (sim, presets) => {
  const files = listExampleFiles().filter((f) => f.startsWith(`sim/${sim}/`));

  it('one file per preset, named by its id, and no file without a preset', () => {
    expect(files).toEqual(presets.map((p) => `sim/${sim}/${p.id}.yaml`).sort());
  });

  it.each(presets.map((p) => [`sim/${sim}/${p.id}.yaml`, p] as const))('%s: the simulator shows the file without its header', (file, preset) => {
    const text = readFileSync(join(examplesDir, file), 'utf8');
    expect(text, file).toMatch(/^# @title /);
    expect(preset.fields.yaml, file).toBe(parseExampleFile(text).body);
    expect(preset.fields.yaml, file).not.toMatch(/^#/);
  });

  it.each(files)('%s passes the checker and the build check of examples', (file) => {
    const text = readFileSync(join(examplesDir, file), 'utf8');
    const errors = checkManifests(text, { fileName: file }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(formatDiagnostic), file).toEqual([]);
    expect(checkExampleFile(file).errors, file).toEqual([]);
  });
});
