import { BOOTSTRAP_ADMIN_EMAIL } from '../../src/accounts/bootstrap.ts';
import type { LiveServer } from './live-server.ts';

/** The admin login a live server's first start printed once (src/service/bootstrap-banner.ts). */
export function bootstrapAdmin(server: LiveServer): { email: string; password: string } {
  const password = /^\s*Password:\s+(\S+)$/m.exec(server.stdout())?.[1];
  if (!password) throw new Error('the live server printed no admin password');
  return { email: BOOTSTRAP_ADMIN_EMAIL, password };
}
