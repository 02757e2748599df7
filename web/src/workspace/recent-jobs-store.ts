/**
 * The jobs this browser submitted, so a recruiter can come back to them until they expire. Only ids,
 * counts and times are kept here, never a job spec or CV text.
 */
export interface RecentJob {
  readonly id: string;
  readonly candidates: number;
  readonly createdAt: string;
  readonly expiresAt: string;
}

const MAX_JOBS = 20;
const keyFor = (email: string) => `aptly.recent-jobs.${email}`;

export function loadRecentJobs(email: string, now = Date.now()): RecentJob[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyFor(email)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return (parsed as RecentJob[]).filter(
      (job) => typeof job.id === 'string' && Date.parse(job.expiresAt) > now,
    );
  } catch {
    return [];
  }
}

export function rememberJob(email: string, job: RecentJob): RecentJob[] {
  const jobs = [job, ...loadRecentJobs(email).filter((j) => j.id !== job.id)].slice(0, MAX_JOBS);
  localStorage.setItem(keyFor(email), JSON.stringify(jobs));
  return jobs;
}

export function forgetJob(email: string, id: string): RecentJob[] {
  const jobs = loadRecentJobs(email).filter((j) => j.id !== id);
  localStorage.setItem(keyFor(email), JSON.stringify(jobs));
  return jobs;
}
