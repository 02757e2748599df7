import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  benchJobSpec,
  DEFAULT_TARGET_CHARS,
  generateCvFixtures,
  generateCvs,
  PROFESSIONS,
} from '../../bench/fixtures/index.ts';
import { Prng } from '../../bench/fixtures/prng.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Prng', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const c = new Prng(8);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
    for (const x of sa) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('int() stays within its inclusive bounds and reaches both ends', () => {
    const rng = new Prng('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('generateCvs', () => {
  it('is deterministic for a seed and varies with the seed', () => {
    const options = { count: 12, seed: 123, profession: 'software' as const };
    const first = generateCvs(options);
    expect(generateCvs(options)).toEqual(first);
    const other = generateCvs({ ...options, seed: 124 });
    expect(other).not.toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    expect(() => generateCvs({ count: 10, seed: 5, profession: 'nursing' })).not.toThrow();
    expect(() => benchJobSpec()).not.toThrow();
    expect(spy).not.toHaveBeenCalled();
  });

  it.each([3_000, DEFAULT_TARGET_CHARS, 20_000])(
    'keeps every CV within ±10%% of %i characters',
    (targetChars) => {
      const cvs = generateCvs({ count: 40, targetChars, seed: 99, profession: 'software' });
      for (const cv of cvs) {
        expect(cv.length).toBeGreaterThanOrEqual(targetChars * 0.9);
        expect(cv.length).toBeLessThanOrEqual(targetChars * 1.1);
      }
    },
  );

  it('defaults to about 10,000 characters', () => {
    for (const cv of generateCvs({ count: 10, seed: 3 })) {
      expect(Math.abs(cv.length - 10_000)).toBeLessThanOrEqual(1_000);
    }
  });

  it('represents every profession, with or without a target profession', () => {
    for (const profession of [undefined, 'software', 'teaching'] as const) {
      const fixtures = generateCvFixtures({ count: 40, seed: 11, targetChars: 4_000, profession });
      expect(new Set(fixtures.map((f) => f.profession))).toEqual(new Set(PROFESSIONS));
    }
  });

  it('biases a targeted batch towards the job profession with strong, borderline and unrelated candidates', () => {
    const fixtures = generateCvFixtures({ count: 100, seed: 21, targetChars: 4_000, profession: 'software' });
    const counts = new Map<string, number>();
    for (const f of fixtures) counts.set(f.profession, (counts.get(f.profession) ?? 0) + 1);
    const software = counts.get('software') ?? 0;
    for (const [profession, n] of counts) if (profession !== 'software') expect(software).toBeGreaterThan(n);
    expect(software).toBe(40);

    const fits = new Set(fixtures.map((f) => f.fit));
    expect(fits).toEqual(new Set(['strong', 'borderline', 'unrelated']));
    for (const f of fixtures) {
      if (f.fit === 'strong') {
        expect(f.profession).toBe('software');
        expect(f.track).toBe('backend');
        expect(f.seniority).toBe('senior');
      }
      if (f.fit === 'unrelated') expect(f.profession).not.toBe('software');
    }
  });

  it('leaves fit unset when the batch has no target profession', () => {
    for (const f of generateCvFixtures({ count: 16, seed: 2, targetChars: 3_000 })) expect(f.fit).toBeNull();
  });

  it('produces realistic, varied CVs: contact details, dates in several formats, varied headings', () => {
    const cvs = generateCvs({ count: 120, seed: 42, profession: 'software' });
    for (const cv of cvs) {
      expect(cv).toMatch(/[\w.]+@[\w.]+\.[a-z]{2,}/);
      expect(cv).toMatch(/\b(19|20)\d{2}\b/);
    }
    const all = cvs.join('\n');
    const dateFormats = {
      monthYearToPresent:
        /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d{2}\s?[–—-]\s?(Present|present|Current|Now|to date|ongoing)/,
      yearRange: /\b(19|20)\d{2}\s?[-–]\s?(19|20)\d{2}\b/,
      slashMonths: /\b\d{2}\/20\d{2} to \d{2}\/20\d{2}\b/,
      since: /\b[Ss]ince (\w+ )?20\d{2}\b/,
      iso: /\b20\d{2}-\d{2}\s?[–—-]/,
      fullMonth:
        /\b(January|February|March|April|June|July|August|September|October|November|December) 20\d{2}\b/,
    };
    for (const [name, pattern] of Object.entries(dateFormats)) expect(pattern.test(all), name).toBe(true);

    const headingStyles = {
      allCaps:
        /^(PROFESSIONAL EXPERIENCE|WORK HISTORY|EMPLOYMENT HISTORY|EXPERIENCE|CAREER HISTORY|WORK EXPERIENCE)$/m,
      titleCase: /^(Professional Experience|Work History|Employment History|Career History)$/m,
      markdown: /^## \w/m,
      colon: /^(Professional Experience|Work History|Experience|Employment History):$/m,
    };
    for (const [name, pattern] of Object.entries(headingStyles)) expect(pattern.test(all), name).toBe(true);

    for (const section of ['Education', 'Skills', 'Languages', 'Certifications']) {
      expect(all.toLowerCase()).toContain(section.toLowerCase());
    }
  });

  it('gives experience sections 3 to 8 entries', () => {
    const fixtures = generateCvFixtures({ count: 60, seed: 8, profession: 'finance' });
    const counts = new Set<number>();
    for (const f of fixtures) {
      expect(f.experienceEntries).toBeGreaterThanOrEqual(3);
      expect(f.experienceEntries).toBeLessThanOrEqual(8);
      counts.add(f.experienceEntries);
    }
    expect(counts.size).toBeGreaterThanOrEqual(4);
  });

  it('rejects a bad count', () => {
    expect(() => generateCvs({ count: -1 })).toThrow();
    expect(() => generateCvs({ count: 1.5 })).toThrow();
    expect(generateCvs({ count: 0 })).toEqual([]);
  });
});

describe('benchJobSpec', () => {
  it('is a ~2,500-character senior backend spec with essential and desirable requirements', () => {
    const spec = benchJobSpec();
    expect(spec).toBe(benchJobSpec());
    expect(spec.length).toBeGreaterThanOrEqual(2_250);
    expect(spec.length).toBeLessThanOrEqual(2_750);
    expect(spec).toMatch(/Senior Backend Engineer/);
    expect(spec).toMatch(/^Essential/m);
    expect(spec).toMatch(/^Desirable/m);
    expect(spec).toMatch(/\d\+? years/);
    expect(spec).toMatch(/BSc in Computer Science/);
    expect(spec).toMatch(/AWS Certified Solutions Architect/);
    expect(spec).toMatch(/PostgreSQL or MySQL/);
  });
});
