import { z } from 'zod';

export const WebhookSecret = z
  .object({
    webhook_secret: z
      .string()
      .describe('`whsec_…`: verifies the Standard Webhooks signature of your deliveries.'),
  })
  .meta({ id: 'WebhookSecret' });
