import { z } from 'zod';

/** JSON or form data. */
export const LoginBody = z.object({ email: z.string(), password: z.string() }).meta({ id: 'Login' });

export const TokenResponse = z
  .object({
    access_token: z.string().describe('A JWT: send it as `Authorization: Bearer <token>`.'),
    token_type: z.literal('bearer'),
    expires_in: z.number().int().describe('Seconds until the token expires.'),
  })
  .meta({ id: 'Token' });
