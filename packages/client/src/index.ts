export { AptlyClient, type AptlyClientOptions, type RequestOptions, type ScreenOptions } from './client.ts';
export * from './errors.ts';
export type * from './types.ts';
export type { JobProgress, WaitOptions } from './wait.ts';
export { type VerifyOptions, verifyWebhook, WebhookVerificationError } from './webhooks.ts';
