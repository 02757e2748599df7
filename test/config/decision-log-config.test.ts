import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

describe('APTLY_DECISION_LOG_DAYS', () => {
  it('defaults to 180 days, separate from the 72-hour retention', () => {
    const config = loadConfig({});
    expect(config.decisionLogDays).toBe(180);
    expect(config.retentionMs).toBe(72 * 3_600_000);
  });

  it('takes a whole number of days, 1 or more', () => {
    expect(loadConfig({ APTLY_DECISION_LOG_DAYS: '400' }).decisionLogDays).toBe(400);
    for (const bad of ['0', '-5', '1.5', 'forever']) {
      expect(() => loadConfig({ APTLY_DECISION_LOG_DAYS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ APTLY_DECISION_LOG_DAYS: bad })).toThrow(/APTLY_DECISION_LOG_DAYS/);
    }
  });
});
