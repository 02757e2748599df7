import { z } from 'zod';

export const ExtractedDocument = z
  .object({
    file_name: z.string().describe('The uploaded file’s name, as sent.'),
    text: z.string().describe('The document’s text, ready to send as a cv_text or job_spec.'),
  })
  .meta({ id: 'ExtractedDocument' });
