import { defineConfig } from 'vitest/config';

// Unit tests: fast, in-process, with fakes. Integration tests: the real AWS SDK clients, the real
// AWS CLI, the real OS keychain and real processes against the emulator, in temporary folders.
export default defineConfig({
  test: {
    // The SDK's "Node 22 soon" notice would otherwise fill every test log.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
