/**
 * Aho-Corasick automaton over token sequences: finds every occurrence of every phrase in one left-to-right pass over a
 * post's tokens, whatever the number of phrases. Tokens are mapped to integer ids; a token that occurs in no phrase
 * sends the automaton back to its root.
 */
export class PhraseAutomaton {
  private readonly vocab = new Map<string, number>();
  /** goto[state] : token id → next state. */
  private readonly goto: Map<number, number>[] = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  /** Pattern ids ending at each state (own and inherited through failure links). */
  private out: number[][] = [[]];
  private built = false;
  private patterns = 0;

  /** Adds a phrase (two or more tokens); returns nothing, the id is the caller's. */
  add(tokens: readonly string[], id: number): void {
    if (this.built) {
      throw new Error('PhraseAutomaton: add after build');
    }
    let state = 0;
    for (const tok of tokens) {
      let tid = this.vocab.get(tok);
      if (tid === undefined) {
        tid = this.vocab.size;
        this.vocab.set(tok, tid);
      }
      let next = this.goto[state].get(tid);
      if (next === undefined) {
        next = this.goto.length;
        this.goto.push(new Map());
        this.out.push([]);
        this.goto[state].set(tid, next);
      }
      state = next;
    }
    this.out[state].push(id);
    this.patterns++;
  }

  build(): void {
    const n = this.goto.length;
    this.fail = new Int32Array(n);
    const queue: number[] = [];
    for (const s of this.goto[0].values()) {
      this.fail[s] = 0;
      queue.push(s);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const r = queue[qi];
      for (const [tid, s] of this.goto[r]) {
        queue.push(s);
        let f = this.fail[r];
        while (f !== 0 && !this.goto[f].has(tid)) {
          f = this.fail[f];
        }
        const g = this.goto[f].get(tid);
        this.fail[s] = g !== undefined && g !== s ? g : 0;
        const inherited = this.out[this.fail[s]];
        if (inherited.length > 0) {
          this.out[s] = this.out[s].concat(inherited);
        }
      }
    }
    this.built = true;
  }

  get size(): number {
    return this.patterns;
  }

  get states(): number {
    return this.goto.length;
  }

  /** Calls `onMatch(id, end)` for each phrase occurrence; `end` is the index of the phrase's last token. */
  scan(tokens: readonly string[], onMatch: (id: number, end: number) => void): void {
    if (this.patterns === 0) {
      return;
    }
    let state = 0;
    for (let i = 0; i < tokens.length; i++) {
      const tid = this.vocab.get(tokens[i]);
      if (tid === undefined) {
        state = 0;
        continue;
      }
      for (;;) {
        const next = this.goto[state].get(tid);
        if (next !== undefined) {
          state = next;
          break;
        }
        if (state === 0) {
          break;
        }
        state = this.fail[state];
      }
      const o = this.out[state];
      for (let k = 0; k < o.length; k++) {
        onMatch(o[k], i);
      }
    }
  }
}
