/**
 * The model a worker answers with. Calls borrow it for as long as they run; replacing it disposes
 * the old one only when its last borrower has returned, so no call ever computes with disposed
 * weights (DESIGN.md rule 9). A call that started before a replacement finishes on the old model.
 */
export class ModelSlot<T> {
  private held: { model: T; borrowers: number; retired: boolean } | null = null;
  /** how many times the model in use has been replaced (or dropped) */
  private replacements = 0;

  constructor(private readonly disposeModel: (model: T) => void) {}

  /** The model in use now, or null. Only for synchronous reads; a call that awaits must `use` it. */
  get current(): T | null {
    return this.held?.model ?? null;
  }

  /** Run `fn` with the model in use; rejects with `missing` when there is none. */
  async use<R>(missing: string, fn: (model: T) => Promise<R> | R): Promise<R> {
    const held = this.held;
    if (!held) throw new Error(missing);
    held.borrowers++;
    try {
      return await fn(held.model);
    } finally {
      held.borrowers--;
      if (held.retired && held.borrowers === 0) this.disposeModel(held.model);
    }
  }

  /** A mark to hand `replaceUnlessChanged` later. */
  mark(): number {
    return this.replacements;
  }

  /**
   * Put `next` in use unless another model was put in use (or the slot emptied) since `mark`:
   * then `next` is disposed and the newer model stays. True when `next` is in use.
   */
  replaceUnlessChanged(next: T, mark: number): boolean {
    if (this.replacements !== mark) {
      this.disposeModel(next);
      return false;
    }
    this.replace(next);
    return true;
  }

  /** Put `next` in use (null: none); the old model is disposed now or when its last call returns. */
  replace(next: T | null): void {
    this.replacements++;
    const old = this.held;
    this.held = next === null ? null : { model: next, borrowers: 0, retired: false };
    if (!old) return;
    old.retired = true;
    if (old.borrowers === 0) this.disposeModel(old.model);
  }
}
