/**
 * The API's shapes as the dashboard uses them, from the types generated from /openapi.json
 * (packages/client/src/openapi.ts, `npm run client:generate`): a change to a route's schema that the
 * dashboard depends on fails `tsc -p web`. Only the dashboard's own helper, hidden from the document,
 * is typed here by hand.
 */
import type { components } from '../../../packages/client/src/openapi.ts';

type Schemas = components['schemas'];

export type AccessToken = Schemas['Token'];
export type KeyListing = Schemas['ApiKeyListing'];
export type KeyListingItem = Schemas['ApiKey'];
export type CreatedKey = Schemas['CreatedApiKey'];
export type WebhookSecret = Schemas['WebhookSecret'];
export type ScreenRequest = Schemas['ScreenRequestInput'];
export type ScreenResponse = Schemas['ScreenResponse'];
export type JobView = Schemas['Job'];
export type JobStatus = JobView['status'];
export type JobListPage = Schemas['JobListPage'];
export type JobListItem = Schemas['JobListItem'];
export type CandidateResult = Schemas['CandidateResult'];
export type Verdict = CandidateResult['verdict'];
export type RequirementEvidence = NonNullable<CandidateResult['requirements']>[number];
export type FailedCandidate = Schemas['FailedCandidate'];

/** `{"detail": ...}`: a sentence, or for 422 a list of field errors. */
export type ErrorBody = Schemas['Error'] | Schemas['ValidationError'];

/** POST /api/v1/documents/extract (hidden from /openapi.json): the text of one uploaded CV document. */
export interface ExtractedDocument {
  readonly file_name: string;
  readonly text: string;
}
