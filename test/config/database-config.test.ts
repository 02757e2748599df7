import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

describe('database pool, timeout and worker metrics port configuration', () => {
  it('defaults: a pool of 10, a 15 s timeout, no metrics listener', () => {
    const config = loadConfig({});
    expect(config.dbPoolSize).toBe(10);
    expect(config.dbTimeoutMs).toBe(15_000);
    expect(config.metricsPort).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads APTLY_DB_POOL_SIZE, APTLY_DB_TIMEOUT (a duration) and APTLY_METRICS_PORT', () => {
    const config = loadConfig({
      APTLY_DB_POOL_SIZE: '25',
      APTLY_DB_TIMEOUT: '2500ms',
      APTLY_METRICS_PORT: '9464',
    });
    expect(config).toMatchObject({ dbPoolSize: 25, dbTimeoutMs: 2_500, metricsPort: 9464 });
  });

  it.each([
    ['APTLY_DB_POOL_SIZE', '0'],
    ['APTLY_DB_POOL_SIZE', 'many'],
    ['APTLY_DB_TIMEOUT', 'soon'],
    ['APTLY_DB_TIMEOUT', '10ms'],
    ['APTLY_METRICS_PORT', '70000'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
