/**
 * A snapshot of a whole IssueDetector (posts held in memory, near-duplicate index, counts, baselines, issues, keys):
 * what lets a restarted detection worker resume where it stopped and feed only the posts stored after it, instead of
 * replaying 12 hours of posts (docs/operations.md, "Detector restore").
 *
 * The detector's export/import interface (counts and baselines as rows, detection issue) does not hold its working
 * state, so the snapshot copies the detector's object graph as it is, without knowing its shape: class instances by
 * the name of their class (prototypes collected from a template detector, so module-private classes are found too),
 * Maps, Sets, arrays, typed arrays and shared references (one object stays one object), then v8's serializer. Nothing
 * in src/issues/detection/ changes for it, and any change there makes older snapshots invalid: the code fingerprint
 * (a hash of the detector's compiled sources) and the configuration are stored with the snapshot and compared on load.
 * Functions in the graph (the issue id factory) are named by the caller and given back on load.
 *
 * Containers are recognised by util.types, not instanceof: v8's deserialize makes them in the main realm, which is
 * not the realm of the code under jest's module VM. Copying runs in slices (WorkSlices) like the replay; v8's serialize and deserialize of the copy are each one
 * synchronous step (measured in docs/operations.md).
 */
import { createHash } from 'node:crypto';
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

/** Marks a copied class instance (the class's name); a plain object never has this property. */
const CLASS = '\u0000class';
/** Marks a function of the graph (the caller's name for it). */
const FUNCTION = '\u0000function';
/** Objects copied between two checks of the slice clock. */
const COPY_CHUNK = 2000;

/** The graph holds something the snapshot cannot copy (an unknown class or function): no snapshot is taken. */
export class SnapshotUnsupported extends Error {
  constructor(what: string) {
    super(`Detector snapshot not possible: ${what}`);
    this.name = 'SnapshotUnsupported';
  }
}

type Shell = Record<string, unknown> | unknown[] | Map<unknown, unknown> | Set<unknown>;

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
  for (const dir of [join(dirname(self), 'detection'), join(dirname(self), '..', 'analysis', 'dedup')]) {
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith(ext) && !file.includes('.spec.')) {
        hash.update(file).update(readFileSync(join(dir, file)));
      }
    }
  }
  fingerprintOnce = hash.digest('hex').slice(0, 32);
  return fingerprintOnce;
}

/** Walks a graph breadth-first, copying each object once through `shell` and `fill`, in slices. */
async function copyGraph(
  root: unknown,
  slices: WorkSlices,
  shell: (value: object) => { copy: unknown; fill?: (map: (v: unknown) => unknown) => void },
): Promise<unknown> {
  const memo = new Map<object, unknown>();
  const pending: ((map: (v: unknown) => unknown) => void)[] = [];
  const map = (value: unknown): unknown => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      return value;
    }
    const known = memo.get(value);
    if (known !== undefined) {
      return known;
    }
    const { copy, fill } = shell(value);
    memo.set(value, copy);
    if (fill) {
      pending.push(fill);
    }
    return copy;
  };
  const copy = map(root);
  for (let i = 0; i < pending.length; i++) {
    pending[i](map);
    pending[i] = undefined as never; // let the source side be collected as the walk goes
    if (i % COPY_CHUNK === 0) {
      await slices.next();
    }
  }
  return copy;
}

/** Copies the containers' entries in their order (Map and Set iteration order is part of the detector's behaviour). */
function fillContainer(source: unknown, target: Shell): (map: (v: unknown) => unknown) => void {
  if (types.isMap(source)) {
    return (map) => {
      for (const [k, v] of source) {
        (target as Map<unknown, unknown>).set(map(k), map(v));
      }
    };
  }
  if (types.isSet(source)) {
    return (map) => {
      for (const v of source) {
        (target as Set<unknown>).add(map(v));
      }
    };
  }
  if (Array.isArray(source)) {
    return (map) => {
      const out = target as unknown[];
      for (let i = 0; i < source.length; i++) {
        out[i] = map(source[i]);
      }
    };
  }
  return (map) => {
    const out = target as Record<string, unknown>;
    for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
      out[k] = map(v);
    }
  };
}

/** The detector as gzipped bytes. `functions`: the graph's functions by name (anything else is unsupported). */
export async function encodeDetector(
  detector: IssueDetector,
  functions: ReadonlyMap<unknown, string>,
  slices: WorkSlices,
): Promise<Buffer> {
  const known = classes();
  const plain = await copyGraph(detector, slices, (value) => {
    if (typeof value === 'function') {
      const name = functions.get(value);
      if (!name) {
        throw new SnapshotUnsupported(`function ${value.name || '(anonymous)'}`);
      }
      return { copy: { [FUNCTION]: name } };
    }
    if (ArrayBuffer.isView(value) || types.isArrayBuffer(value)) {
      return { copy: value }; // v8 copies typed arrays itself
    }
    if (types.isMap(value)) {
      const copy = new Map();
      return { copy, fill: fillContainer(value, copy) };
    }
    if (types.isSet(value)) {
      const copy = new Set();
      return { copy, fill: fillContainer(value, copy) };
    }
    if (Array.isArray(value)) {
      const copy = new Array<unknown>(value.length);
      return { copy, fill: fillContainer(value, copy) };
    }
    const proto = Object.getPrototypeOf(value) as object | null;
    const copy: Record<string, unknown> = {};
    if (proto && proto !== Object.prototype) {
      const name = (proto.constructor as { name: string }).name;
      if (known.get(name) !== proto) {
        throw new SnapshotUnsupported(`class ${name}`);
      }
      copy[CLASS] = name;
    }
    return { copy, fill: fillContainer(value, copy) };
  });
  return gzipAsync(serialize(plain), { level: 1 });
}

/** The detector of `bytes` (encodeDetector), its functions given back by name. */
export async function decodeDetector(
  bytes: Buffer,
  functions: ReadonlyMap<string, unknown>,
  slices: WorkSlices,
): Promise<IssueDetector> {
  const known = classes();
  const plain: unknown = deserialize(await gunzipAsync(bytes));
  await slices.next();
  const detector = await copyGraph(plain, slices, (value) => {
    if (ArrayBuffer.isView(value) || types.isArrayBuffer(value)) {
      return { copy: value };
    }
    if (types.isMap(value)) {
      const copy = new Map();
      return { copy, fill: fillContainer(value, copy) };
    }
    if (types.isSet(value)) {
      const copy = new Set();
      return { copy, fill: fillContainer(value, copy) };
    }
    if (Array.isArray(value)) {
      const copy = new Array<unknown>(value.length);
      return { copy, fill: fillContainer(value, copy) };
    }
    const record = value as Record<string, unknown>;
    if (FUNCTION in record) {
      const fn = functions.get(record[FUNCTION] as string);
      if (!fn) {
        throw new SnapshotUnsupported(`function ${String(record[FUNCTION])}`);
      }
      return { copy: fn };
    }
    let copy: Record<string, unknown> = {};
    if (CLASS in record) {
      const proto = known.get(record[CLASS] as string);
      if (!proto) {
        throw new SnapshotUnsupported(`class ${String(record[CLASS])}`);
      }
      copy = Object.create(proto) as Record<string, unknown>;
    }
    const target = copy;
    return {
      copy,
      fill: (map) => {
        for (const [k, v] of Object.entries(record)) {
          if (k !== CLASS) {
            target[k] = map(v);
          }
        }
      },
    };
  });
  if (!(detector instanceof IssueDetector)) {
    throw new SnapshotUnsupported('the snapshot holds no detector');
  }
  return detector;
}
