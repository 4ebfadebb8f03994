/**
 * Lets only the newest of overlapping async requests win. BIN lookups overlap when the buyer
 * edits the card number quickly; an answer for an older BIN must never overwrite a newer one.
 */
export class LatestOnly {
  private generation = 0;

  /** Starts a new request generation and returns a check that stays true until the next one. */
  begin(): () => boolean {
    const mine = ++this.generation;
    return () => mine === this.generation;
  }

  /** Invalidates every request in flight (the BIN was cleared, or the element was reset). */
  cancel(): void {
    this.generation++;
  }
}
