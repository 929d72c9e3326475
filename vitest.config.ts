/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts', 'src/data/**/*.ts'],
      exclude: ['src/lib/**/*.gen.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 80, functions: 80, branches: 70, statements: 80 },
    },
  },
});
