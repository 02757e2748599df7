/**
 * What a starting service must undo, in reverse order of starting: HTTP first (stop taking requests),
 * then the workers, the scoring pool, and the database last. Every step runs even when one fails; the
 * failures are then reported together.
 */
export class ShutdownStack {
  private readonly steps: { readonly name: string; readonly stop: () => Promise<void> }[] = [];
  private unwinding: Promise<void> | undefined;

  push(name: string, stop: () => Promise<void>): void {
    this.steps.push({ name, stop });
  }

  /** Runs every step once, last pushed first; later calls wait for the same run. */
  unwind(): Promise<void> {
    this.unwinding ??= this.run();
    return this.unwinding;
  }

  private async run(): Promise<void> {
    const failures: Error[] = [];
    for (const step of this.steps.toReversed()) {
      try {
        await step.stop();
      } catch (error) {
        failures.push(new Error(`${step.name}: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, failures.map((f) => f.message).join('; '));
  }
}
