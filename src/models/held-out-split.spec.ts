import { heldOutRank, isHeldOut, splitHeldOut } from './held-out-split.js';

describe('held-out split', () => {
  it('should put the same post on the same side every time', () => {
    for (const id of ['1', '42', '987654321012']) {
      expect(isHeldOut(id)).toBe(isHeldOut(id));
      expect(heldOutRank(id)).toBe(heldOutRank(Number(id)));
    }
  });

  it('should hold out close to the requested fraction of consecutive ids', () => {
    const items = Array.from({ length: 4000 }, (_, i) => ({ postId: String(i + 1) }));
    const { train, heldOut } = splitHeldOut(items, 0.25);
    expect(train.length + heldOut.length).toBe(4000);
    expect(heldOut.length / 4000).toBeGreaterThan(0.22);
    expect(heldOut.length / 4000).toBeLessThan(0.28);
  });

  it('should spread small consecutive ranges over both sides', () => {
    const ids = Array.from({ length: 40 }, (_, i) => String(100 + i));
    const held = ids.filter((id) => isHeldOut(id));
    expect(held.length).toBeGreaterThan(3);
    expect(held.length).toBeLessThan(20);
  });
});
