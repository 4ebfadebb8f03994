// Visual regression (`npm run test:visual`): screenshots of the element's main states compared with
// the baselines in test/visual/baselines/, in Chromium only (each engine renders text differently).
// `npm run test:visual -- --update-visual-baseline` rewrites the baselines; failed shots and their
// diffs go to .cache/visual/.
import path from 'node:path';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { defaultReporter } from '@web/test-runner';
import base, { launchers } from './web-test-runner.config.mjs';
import { countReporter } from './test/helpers/count-reporter.ts';

export default {
  ...base,
  files: ['test/visual/**/*.test.ts'],
  browsers: [launchers.chromium()],
  reporters: [defaultReporter(), countReporter('.cache/wtr-visual-counts.json')],
  plugins: [
    ...base.plugins,
    visualRegressionPlugin({
      update: process.argv.includes('--update-visual-baseline'),
      baseDir: '.',
      getBaselineName: ({ name }) => path.join('test/visual/baselines', `${name}.png`),
      getFailedName: ({ name }) => path.join('.cache/visual', `${name}.png`),
      getDiffName: ({ name }) => path.join('.cache/visual', `${name}-diff.png`),
      // Anti-aliasing noise passes; a changed colour, size or text does not.
      diffOptions: { threshold: 0.02 },
      failureThresholdType: 'percent',
      failureThreshold: 0.2,
    }),
  ],
};
