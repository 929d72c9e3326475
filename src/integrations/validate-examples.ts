/**
 * Validates every manifest under src/examples before Astro builds a page: a bad file stops `astro build`
 * with file, line and field path. In `astro dev` the same problems are logged and the page that shows the
 * file reports them.
 */
import type { AstroIntegration } from 'astro';
import { checkAllExamples } from '../lib/istio/examples';

export function validateExamples(): AstroIntegration {
  return {
    name: 'istio-ica-guide:validate-examples',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const started = Date.now();
        const { files, errors } = checkAllExamples();
        if (errors.length === 0) {
          logger.info(`${files} example manifests valid (${Date.now() - started} ms)`);
          return;
        }
        const report = `${errors.length} problem(s) in src/examples:\n${errors.map((e) => `  src/examples/${e}`).join('\n')}`;
        if (command === 'build') throw new Error(report);
        logger.error(report);
      },
    },
  };
}
