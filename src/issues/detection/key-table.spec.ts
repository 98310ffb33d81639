import { KeyTable } from './key-table.js';

describe(KeyTable.name, () => {
  it('should behave like a Map of key → id in insertion order, through retiring and reusing ids', () => {
    const table = new KeyTable();
    const model = new Map<string, number>();
    const retired: number[] = [];
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let mismatches = 0;
    for (let step = 0; step < 60_000; step++) {
      const key = `t:w${rnd(5000)}${step % 3 === 0 ? 'é' : ''}`;
      const op = rnd(10);
      if (op < 6) {
        const id = table.idOf(key);
        mismatches += id === model.get(key) ? 0 : 1;
        if (id === undefined) {
          const added = table.add(key, 'term');
          model.set(key, added);
          mismatches += table.keyOf(added) === key ? 0 : 1;
        }
      } else if (op < 9) {
        const id = table.retire(key);
        mismatches += id === model.get(key) ? 0 : 1;
        if (id !== undefined) {
          model.delete(key);
          retired.push(id);
        }
      } else if (retired.length > 0) {
        table.release(retired.pop()!);
      }
      mismatches += table.size === model.size ? 0 : 1;
    }
    expect(mismatches).toBe(0);
    expect([...table.entries()]).toEqual([...model.entries()]);
  });

  it('should keep the kind of each key and skip keys retired while iterating', () => {
    const table = new KeyTable();
    const a = table.add('#banjir', 'hashtag');
    const b = table.add('b:jalan rusak', 'bigram');
    const c = table.add('p:64.71', 'place');
    expect([table.kindOf(a), table.kindOf(b), table.kindOf(c)]).toEqual(['hashtag', 'bigram', 'place']);
    const seen: string[] = [];
    for (const [key] of table.entries()) {
      seen.push(key);
      if (key === '#banjir') {
        table.retire('b:jalan rusak');
      }
    }
    expect(seen).toEqual(['#banjir', 'p:64.71']);
    expect(table.idOf('b:jalan rusak')).toBeUndefined();
    expect(table.add('b:jalan rusak', 'bigram')).not.toBe(b);
    expect([...table.entries()].map(([key]) => key)).toEqual(['#banjir', 'p:64.71', 'b:jalan rusak']);
  });
});
