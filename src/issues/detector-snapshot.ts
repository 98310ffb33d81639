/**
 * A snapshot of a whole IssueDetector (posts held in memory, near-duplicate index, counts, baselines, issues, keys):
 * what lets a restarted detection worker resume where it stopped and feed only the posts stored after it, instead of
 * replaying 12 hours of posts (docs/operations.md, "Detector restore").
 *
 * The detector's export/import interface (counts and baselines as rows, detection issue) does not hold its working
 * state, so the snapshot copies the detector's object graph as it is, without knowing its shape: class instances by
 * the name of their class (prototypes collected from a template detector, so module-private classes are found too),
 * Maps, Sets and arrays in their order, typed arrays over their buffers, shared references (one object stays one
 * object), as a flat table of nodes serialized by v8 in parts, then gzip. Nothing in src/issues/detection/ changes for
 * it, and any change there makes older snapshots invalid: the code fingerprint (a hash of the detector's sources as
 * loaded) and the configuration are stored with the snapshot and compared on load. Functions in the graph (the issue
 * id factory) are named by the caller and given back on load.
 *
 * Every step runs in slices (WorkSlices) like the replay: the walk, each part's serialize and deserialize, the
 * rebuilding of objects. Containers are recognised by util.types, not instanceof: v8's deserialize makes them in the
 * main realm, which is not the realm of the code under jest's module VM.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { promisify, types } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { IssueDetector } from './detection/issue-detector.js';
import { IssueRecord } from './detection/issue-record.js';
import { toDetectorPost } from './detection/post-adapter.js';
import type { WorkSlices } from './work-slices.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Nodes handled between two checks of the slice clock. */
const COPY_CHUNK = 2000;

/** The graph holds something the snapshot cannot copy (an unknown class or function): no snapshot is taken. */
export class SnapshotUnsupported extends Error {
  constructor(what: string) {
    super(`Detector snapshot not possible: ${what}`);
    this.name = 'SnapshotUnsupported';
  }
}

/**
 * Prototypes of every class a detector's graph holds, by class name: those of a template detector that has counted
 * one post (an open bucket's cell class is private to its module), and of issues (a template forms none).
 */
function detectorClasses(): Map<string, object> {
  const template = new IssueDetector({});
  template.ingest(toDetectorPost({ id: 'template', text: 'banjir di kota', createdAt: 0, author: 'a' }));
  const classes = new Map<string, object>([[IssueRecord.name, IssueRecord.prototype]]);
  const seen = new Set<unknown>();
  const stack: unknown[] = [template];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) {
      continue;
    }
    seen.add(value);
    if (types.isMap(value)) {
      for (const [k, v] of value) {
        stack.push(k, v);
      }
    } else if (types.isSet(value) || Array.isArray(value)) {
      stack.push(...(value as Iterable<unknown>));
    } else {
      const proto = Object.getPrototypeOf(value) as object | null;
      if (proto && proto !== Object.prototype) {
        classes.set((proto.constructor as { name: string }).name, proto);
      }
      stack.push(...Object.values(value));
    }
  }
  return classes;
}

let classesOnce: Map<string, object> | null = null;
const classes = (): Map<string, object> => (classesOnce ??= detectorClasses());

let fingerprintOnce: string | null = null;
/**
 * Hash of the detector's code as loaded (src/issues/detection and the near-duplicate index, compiled or not): a
 * snapshot written by other code is not loaded.
 */
export function detectorCodeFingerprint(): string {
  if (fingerprintOnce) {
    return fingerprintOnce;
  }
  const self = fileURLToPath(import.meta.url);
  const ext = extname(self);
  const hash = createHash('sha256');
  try {
    for (const dir of [join(dirname(self), 'detection'), join(dirname(self), '..', 'analysis', 'dedup')]) {
      for (const file of readdirSync(dir).sort()) {
        if (file.endsWith(ext) && !file.includes('.spec.')) {
          hash.update(file).update(readFileSync(join(dir, file)));
        }
      }
    }
  } catch {
    // Sources not readable as files (a bundle): this process's snapshots are never loaded by another.
    hash.update(randomUUID());
  }
  fingerprintOnce = hash.digest('hex').slice(0, 32);
  return fingerprintOnce;
}

/**
 * The flat form: the graph as a table of nodes, one per object, each a small array: ['O', class name or '', key,
 * value, …], ['M', key, value, …] (a Map), ['S', value, …], ['A', value, …], ['T', ArrayBuffer], ['V', typed array
 * class, buffer, byte offset, length], ['F', function name], ['B', bigint]. A reference to another node is the BigInt of its index
 * (the detector holds no BigInt of its own; one would be boxed as a 'B' node). The table is serialized in parts of
 * PART_NODES nodes, each in its own turn of the event loop, and deserialized the same way: no single synchronous step
 * grows with the detector.
 */
type Node = unknown[];
const PART_NODES = 5_000;
type ViewConstructor = new (buffer: ArrayBuffer, byteOffset: number, length: number) => unknown;
const TYPED_ARRAYS = new Map<string, ViewConstructor>(
  [
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
  ].map((c) => [c.name, c as unknown as ViewConstructor]),
);

/** The detector as gzipped bytes. `functions`: the graph's functions by name (anything else is unsupported). */
export async function encodeDetector(
  detector: IssueDetector,
  functions: ReadonlyMap<unknown, string>,
  slices: WorkSlices,
): Promise<Buffer> {
  const known = classes();
  const index = new Map<unknown, bigint>();
  const queue: unknown[] = [];
  const ref = (value: unknown): unknown => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'bigint')) {
      return value;
    }
    let id = index.get(value);
    if (id === undefined) {
      id = BigInt(queue.length);
      index.set(value, id);
      queue.push(value);
    }
    return id;
  };
  ref(detector);
  const parts: Buffer[] = [];
  let part: Node[] = [];
  for (let i = 0; i < queue.length; i++) {
    part.push(flatNode(queue[i], ref, functions, known));
    queue[i] = undefined; // the queue only grows: let the references go as the walk passes
    if (part.length === PART_NODES) {
      parts.push(serialize(part));
      part = [];
      await slices.next();
    } else if (i % COPY_CHUNK === 0) {
      await slices.next();
    }
  }
  parts.push(serialize(part));
  return gzipAsync(serialize(parts), { level: 1 });
}

function flatNode(
  value: unknown,
  ref: (v: unknown) => unknown,
  functions: ReadonlyMap<unknown, string>,
  known: Map<string, object>,
): Node {
  if (typeof value === 'bigint') {
    return ['B', value];
  }
  if (typeof value === 'function') {
    const name = functions.get(value);
    if (!name) {
      throw new SnapshotUnsupported(`function ${value.name || '(anonymous)'}`);
    }
    return ['F', name];
  }
  if (types.isArrayBuffer(value)) {
    return ['T', value];
  }
  if (types.isTypedArray(value)) {
    // A view by its buffer: two views of one memory (KeyBaselines reads its state as doubles and as bytes) stay one.
    const view = value as unknown as {
      constructor: { name: string };
      buffer: unknown;
      byteOffset: number;
      length: number;
    };
    if (!TYPED_ARRAYS.has(view.constructor.name)) {
      throw new SnapshotUnsupported(`typed array ${view.constructor.name}`);
    }
    return ['V', view.constructor.name, ref(view.buffer), view.byteOffset, view.length];
  }
  if (ArrayBuffer.isView(value)) {
    throw new SnapshotUnsupported('DataView');
  }
  if (types.isMap(value)) {
    const node: Node = ['M'];
    for (const [k, v] of value) {
      node.push(ref(k), ref(v));
    }
    return node;
  }
  if (types.isSet(value)) {
    const node: Node = ['S'];
    for (const v of value) {
      node.push(ref(v));
    }
    return node;
  }
  if (Array.isArray(value)) {
    const node: Node = ['A'];
    for (let i = 0; i < value.length; i++) {
      node.push(ref(value[i]));
    }
    return node;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  let name = '';
  if (proto && proto !== Object.prototype) {
    name = (proto.constructor as { name: string }).name;
    if (known.get(name) !== proto) {
      throw new SnapshotUnsupported(`class ${name}`);
    }
  }
  const node: Node = ['O', name];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    node.push(k, ref(v));
  }
  return node;
}

/** The detector of `bytes` (encodeDetector), its functions given back by name. */
export async function decodeDetector(
  bytes: Buffer,
  functions: ReadonlyMap<string, unknown>,
  slices: WorkSlices,
): Promise<IssueDetector> {
  const known = classes();
  const parts = deserialize(await gunzipAsync(bytes)) as Buffer[];
  const nodes: Node[] = [];
  for (const part of parts) {
    await slices.next();
    for (const node of deserialize(part) as Node[]) {
      nodes.push(node);
    }
  }
  // First every object (so that any reference finds its target), then their contents in order.
  const objects = new Array<unknown>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i][0] !== 'V') {
      objects[i] = shellOf(nodes[i], functions, known);
    }
    if (i % COPY_CHUNK === 0) {
      await slices.next();
    }
  }
  // Typed arrays once every buffer exists.
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node[0] === 'V') {
      const View = TYPED_ARRAYS.get(node[1] as string);
      const buffer = objects[Number(node[2])];
      if (!View || !types.isArrayBuffer(buffer)) {
        throw new SnapshotUnsupported(`typed array ${String(node[1])}`);
      }
      objects[i] = new View(buffer, node[3] as number, node[4] as number);
    }
  }
  const deref = (v: unknown): unknown => (typeof v === 'bigint' ? objects[Number(v)] : v);
  for (let i = 0; i < nodes.length; i++) {
    fill(nodes[i], objects[i], deref);
    nodes[i] = []; // let the flat form go as the objects fill
    if (i % COPY_CHUNK === 0) {
      await slices.next();
    }
  }
  const detector = objects[0];
  if (!(detector instanceof IssueDetector)) {
    throw new SnapshotUnsupported('the snapshot holds no detector');
  }
  return detector;
}

function shellOf(node: Node, functions: ReadonlyMap<string, unknown>, known: Map<string, object>): unknown {
  switch (node[0]) {
    case 'B':
    case 'T':
      return node[1];
    case 'F': {
      const fn = functions.get(node[1] as string);
      if (!fn) {
        throw new SnapshotUnsupported(`function ${String(node[1])}`);
      }
      return fn;
    }
    case 'M':
      return new Map();
    case 'S':
      return new Set();
    case 'A':
      return new Array<unknown>(node.length - 1);
    case 'O': {
      if (node[1] === '') {
        return {};
      }
      const proto = known.get(node[1] as string);
      if (!proto) {
        throw new SnapshotUnsupported(`class ${String(node[1])}`);
      }
      return Object.create(proto) as object;
    }
    default:
      throw new SnapshotUnsupported(`node ${String(node[0])}`);
  }
}

function fill(node: Node, target: unknown, deref: (v: unknown) => unknown): void {
  switch (node[0]) {
    case 'M':
      for (let i = 1; i < node.length; i += 2) {
        (target as Map<unknown, unknown>).set(deref(node[i]), deref(node[i + 1]));
      }
      return;
    case 'S':
      for (let i = 1; i < node.length; i++) {
        (target as Set<unknown>).add(deref(node[i]));
      }
      return;
    case 'A':
      for (let i = 1; i < node.length; i++) {
        (target as unknown[])[i - 1] = deref(node[i]);
      }
      return;
    case 'O':
      for (let i = 2; i < node.length; i += 2) {
        (target as Record<string, unknown>)[node[i] as string] = deref(node[i + 1]);
      }
      return;
    default:
      return;
  }
}
