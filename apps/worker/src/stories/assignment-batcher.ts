import {
  type ArticleAssignment,
  assignArticlesToStories,
  type Database,
  type StoryError,
} from "@parallax/db";

/**
 * Gathers the cluster jobs a worker runs at once into one batch of assignments: one transaction, one taking of
 * the story lock (`assignArticlesToStories`). Assignments are serialized by that lock anyway; one per
 * transaction, each spent most of its time on round trips and the commit while every other job waited. A batch
 * starts as soon as the previous one ends, with whatever jobs arrived meanwhile (up to `maxBatch`), so an idle
 * pipeline still assigns an article at once.
 */
export class AssignmentBatcher {
  private readonly waiting: Array<{
    articleId: string;
    resolve: (result: ArticleAssignment | StoryError) => void;
    reject: (error: unknown) => void;
  }> = [];
  private running = false;

  constructor(
    private readonly db: Database,
    private readonly maxBatch: number,
    /** The batch assignment (tests pass one that records the batches it is given). */
    private readonly assignBatch: typeof assignArticlesToStories = assignArticlesToStories,
  ) {}

  /** The article's assignment, or the StoryError that says why it has none; rejects if its batch failed. */
  assign(articleId: string): Promise<ArticleAssignment | StoryError> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ articleId, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        // The jobs the worker took together arrive in the same turn of the event loop: let them all join.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const results = await this.assignBatch(
            this.db,
            batch.map(({ articleId }) => ({ articleId })),
          );
          for (const [i, entry] of batch.entries()) entry.resolve(results[i]!);
        } catch (error) {
          // Nothing of the batch was written: each job fails and is retried as BullMQ's attempts allow.
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
