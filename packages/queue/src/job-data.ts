import { type Job, UnrecoverableError } from "bullmq";
import type { z } from "zod";

/** "articleId: Invalid UUID; runId: …": each problem with the field it is about. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(payload)"}: ${issue.message}`)
    .join("; ");
}

/**
 * A job's data checked against its queue's schema, the first thing every processor does. Redis is shared and a
 * producer of another version (or a hand-edited job) can put anything there; a payload that does not parse will
 * not parse on a retry either, so it fails at once with UnrecoverableError naming the fields.
 */
export function parseJobData<S extends z.ZodType>(
  schema: S,
  job: Pick<Job, "data" | "queueName" | "name">,
): z.infer<S> {
  const parsed = schema.safeParse(job.data);
  if (parsed.success) return parsed.data;
  throw new UnrecoverableError(
    `invalid ${job.queueName} job payload (${job.name}): ${describeIssues(parsed.error)}`,
  );
}
