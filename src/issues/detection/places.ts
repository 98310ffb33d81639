/**
 * Place rules of grouping, on Kemendagri codes (64.72 ⊃ 64.72.06 ⊃ 64.72.06.1001): which places a set of posts is
 * about, and whether two sets of places can be one story (two floods in two kecamatan are two issues).
 */

/** Posts per place code. */
export function placeCounts(posts: readonly { places: readonly { code: string }[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of posts) {
    for (const place of p.places) {
      counts.set(place.code, (counts.get(place.code) ?? 0) + 1);
    }
  }
  return counts;
}

/** Two Kemendagri codes name the same area or one contains the other (64.72 ⊃ 64.72.06 ⊃ 64.72.06.1001). */
export function placesRelated(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  return a.length < b.length ? b.startsWith(`${a}.`) : a.startsWith(`${b}.`);
}

/** The most named among the most specific places (a kecamatan or kelurahan before a kota), or null. */
export function leadingPlace(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const [code, n] of counts) {
    if (n < 2) {
      continue;
    }
    // Specific places first: depth 3–4 (kecamatan, kelurahan) count double.
    const score = n * (code.split('.').length >= 3 ? 2 : 1);
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Anchor places of a set of posts: the codes named by at least 30 % as many posts as the most named one (and by two
 * posts at least), keeping only the most specific (a kecamatan rather than its kota).
 */
export function anchorPlaces(counts: Map<string, number>): string[] {
  let max = 0;
  for (const n of counts.values()) {
    if (n > max) {
      max = n;
    }
  }
  if (max < 2) {
    return [];
  }
  const dominant = [...counts.entries()].filter(([, n]) => n >= 2 && n >= 0.3 * max).map(([c]) => c);
  return dominant.filter((c) => !dominant.some((d) => d !== c && d.startsWith(`${c}.`)));
}

/** A post fits a story's places when it names none, the story has none, or one of its places relates to an anchor. */
export function placesCompatible(places: readonly { code: string }[], anchors: readonly string[]): boolean {
  if (places.length === 0 || anchors.length === 0) {
    return true;
  }
  for (const p of places) {
    for (const a of anchors) {
      if (placesRelated(p.code, a)) {
        return true;
      }
    }
  }
  return false;
}

/** Both name a kecamatan or kelurahan, and one of those areas contains or equals the other. */
export function sameFinePlace(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    if (x.split('.').length < 3) {
      continue;
    }
    for (const y of b) {
      if (y.split('.').length >= 3 && placesRelated(x, y)) {
        return true;
      }
    }
  }
  return false;
}

/**
 * The kecamatan a set of posts is about: every kecamatan or kelurahan code rolled up to its kecamatan (64.72.06.1004
 * → 64.72.06), the mentions summed per kecamatan, and those with two mentions at least and at least half as many as the
 * most named one. One flood reported from three kelurahan of Sungai Kunjang leads to Sungai Kunjang, although no
 * single kelurahan (and no kecamatan named as such) is an anchor of the issue, which the kota may dominate.
 */
export function leadingDistricts(counts: ReadonlyMap<string, number>): string[] {
  const districts = new Map<string, number>();
  for (const [code, n] of counts) {
    const parts = code.split('.');
    if (parts.length < 3) {
      continue;
    }
    const district = parts.slice(0, 3).join('.');
    districts.set(district, (districts.get(district) ?? 0) + n);
  }
  let max = 0;
  for (const n of districts.values()) {
    max = Math.max(max, n);
  }
  return [...districts.entries()]
    .filter(([, n]) => n >= 2 && n * 2 >= max)
    .map(([c]) => c)
    .sort();
}

export function anchorsCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) {
    return true;
  }
  for (const x of a) {
    for (const y of b) {
      if (placesRelated(x, y)) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether a set of posts is told all over the area rather than about somewhere: at least `minPosts` of them, and at
 * least half, name a kecamatan or kelurahan, and no kecamatan (kelurahan rolled up) is named by `leadShare` of those.
 * An event happens at a place, so its reports name that place, its kelurahan or its kecamatan; an everyday remark
 * that each writer makes about their own village ("pasar <village> ramai pagi ini") names a different one each time.
 * Posts that name no place or only the city count neither way (a citywide story is not dispersed).
 */
export function dispersedOverPlaces(
  posts: readonly { places: readonly { code: string }[] }[],
  minPosts: number,
  leadShare: number,
): boolean {
  let placed = 0;
  const perDistrict = new Map<string, number>();
  for (const p of posts) {
    const districts = new Set<string>();
    for (const place of p.places) {
      const parts = place.code.split('.');
      if (parts.length >= 3) {
        districts.add(parts.slice(0, 3).join('.'));
      }
    }
    if (districts.size === 0) {
      continue;
    }
    placed++;
    for (const d of districts) {
      perDistrict.set(d, (perDistrict.get(d) ?? 0) + 1);
    }
  }
  if (placed < minPosts || placed * 2 < posts.length) {
    return false;
  }
  let lead = 0;
  for (const n of perDistrict.values()) {
    lead = Math.max(lead, n);
  }
  return lead < leadShare * placed;
}
