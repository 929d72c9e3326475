/**
 * envoyfilter.EnvoyPatchAnalyzer (analyzers/envoyfilter/envoyfilter.go): patch operations that are ignored for
 * their `applyTo` (IST0152 REPLACE, IST0153 ADD, IST0154 REMOVE) and relative operations without a priority
 * (IST0151; IST0155 when an earlier patch of the same filter name is tied to a proxy version).
 */
import type { Analyzer } from '../context';
import { arr, isObj, num, obj, str } from './util';

const routeLevel = (applyTo: string) => applyTo === 'ROUTE_CONFIGURATION' || applyTo === 'HTTP_ROUTE';

export const envoyPatchAnalyzer: Analyzer = {
  name: 'envoyfilter.EnvoyPatchAnalyzer',
  inputs: ['EnvoyFilter'],
  analyze(ctx) {
    // Filter names patched with a proxyVersion match, carried from one EnvoyFilter to the next.
    const versioned: string[] = [];
    for (const r of ctx.list('EnvoyFilter')) {
      const priority = num(r.spec.priority);
      const relative = (index: number, instance: string) => {
        if (priority !== 0) return;
        const code = versioned.includes(instance) ? 'IST0155' : 'IST0151';
        ctx.report(code, r, [], `{.spec.configPatches[${index}].patch.value}`);
      };
      const patches = arr(r.spec.configPatches);
      for (let index = 0; index < patches.length; index++) {
        const cp = obj(patches[index]);
        if (!isObj(cp.patch)) break;
        const patch = cp.patch;
        const applyTo = str(cp.applyTo);
        const match = isObj(cp.match) ? cp.match : undefined;
        let instance = '';
        if (isObj(patch.value)) {
          if (patch.value.name !== undefined && patch.value.name !== null) instance = `string_value:${JSON.stringify(str(patch.value.name))}`;
          else if (match && isObj(match.listener) && isObj(match.listener.filterChain)) instance = str(obj(match.listener.filterChain.filter).name);
        }
        const op = str(patch.operation);
        if (op === 'ADD') {
          if (routeLevel(applyTo)) ctx.report('IST0153', r, [], `{.spec.configPatches[${index}].patch.value}`);
        } else if (op === 'REMOVE') {
          if (routeLevel(applyTo)) ctx.report('IST0154', r, [], `{.spec.configPatches[${index}].patch.value}`);
          else relative(index, instance);
        } else if (op === 'REPLACE') {
          if (applyTo !== 'NETWORK_FILTER' && applyTo !== 'HTTP_FILTER') ctx.report('IST0152', r, [], `{.spec.configPatches[${index}].patch.value}`);
          else relative(index, instance);
        } else if (op === 'INSERT_BEFORE' || op === 'INSERT_AFTER') {
          relative(index, instance);
        }
        if (match && isObj(match.proxy) && str(match.proxy.proxyVersion) !== '') versioned.push(instance);
      }
    }
  },
};
