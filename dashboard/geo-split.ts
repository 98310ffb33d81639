import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * The vendored boundaries (vendor/geo/indonesia-adm.topojson, 38 provinces and 514 regencies, see its ORIGIN.md) split
 * into the files the choropleth loads at run time, so that no view downloads more than it draws:
 *
 *   geo/provinces.json              the province layer
 *   geo/regencies.json              every regency (the whole-country regency view, on demand)
 *   geo/regencies/<province>.json   the regencies of one province (the drill-down)
 *
 * Each is a TopoJSON topology with one object and only the arcs its geometries use (renumbered); arcs are delta-encoded
 * per arc and the transform is shared, so no coordinate changes. Each file also gets a `.gz` sibling (gzip -9), which
 * src/bootstrap/serve-dashboard.ts sends to browsers that accept gzip (the API process compresses nothing itself).
 */

interface Geometry {
  type: string;
  arcs?: unknown;
  properties?: { code?: string; name?: string };
}

interface Topology {
  type: 'Topology';
  transform?: unknown;
  arcs: unknown[];
  objects: Record<string, { type: 'GeometryCollection'; geometries: Geometry[] }>;
}

const SOURCE = new URL('./vendor/geo/indonesia-adm.topojson', import.meta.url);

/** A topology holding `geometries` as object `name`, with only the arcs they reference. */
export function subTopology(topology: Topology, name: string, geometries: Geometry[]): Topology {
  const mapping = new Map<number, number>();
  const arcs: unknown[] = [];
  const remap = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(remap);
    }
    const index = value as number;
    const original = index < 0 ? ~index : index;
    let next = mapping.get(original);
    if (next === undefined) {
      next = arcs.length;
      mapping.set(original, next);
      arcs.push(topology.arcs[original]);
    }
    return index < 0 ? ~next : next;
  };
  return {
    type: 'Topology',
    transform: topology.transform,
    arcs,
    objects: {
      [name]: {
        type: 'GeometryCollection',
        geometries: geometries.map((geometry) => ({ ...geometry, arcs: remap(geometry.arcs) })),
      },
    },
  };
}

/** Every file of the split: path under the build root → JSON text. */
export function splitBoundaries(): Map<string, string> {
  const topology = JSON.parse(readFileSync(SOURCE, 'utf8')) as Topology;
  const provinces = topology.objects.provinces.geometries;
  const regencies = topology.objects.regencies.geometries;
  const files = new Map<string, string>();
  files.set('geo/provinces.json', JSON.stringify(subTopology(topology, 'provinces', provinces)));
  files.set('geo/regencies.json', JSON.stringify(subTopology(topology, 'regencies', regencies)));
  for (const province of provinces) {
    const code = province.properties?.code ?? '';
    const inside = regencies.filter((regency) => regency.properties?.code?.startsWith(`${code}.`));
    files.set(`geo/regencies/${code}.json`, JSON.stringify(subTopology(topology, 'regencies', inside)));
  }
  return files;
}

/** Emits the split into the build, and serves it from memory in `vite` dev mode. */
export function boundariesPlugin(): Plugin {
  let files: Map<string, string> | undefined;
  const all = () => (files ??= splitBoundaries());
  return {
    name: 'pantau-boundaries',
    generateBundle() {
      for (const [fileName, source] of all()) {
        this.emitFile({ type: 'asset', fileName, source });
        this.emitFile({ type: 'asset', fileName: `${fileName}.gz`, source: gzipSync(source, { level: 9 }) });
      }
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const body = all().get((request.url ?? '').split('?')[0].replace(/^\//, ''));
        if (!body) {
          next();
          return;
        }
        response.setHeader('Content-Type', 'application/json');
        response.end(body);
      });
    },
  };
}
