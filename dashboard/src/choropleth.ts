import { t } from './i18n.js';
/**
 * The choropleth of Ringkasan: posts per province or per kabupaten/kota, with chartjs-chart-geo on the vendored
 * boundaries (dashboard/vendor/geo, split at build time into dist/dashboard/geo/, see geo-split.ts). This module and the
 * geometry are loaded only after the overview's first render, never with the first page; a province's regencies are
 * fetched one province at a time (the whole regency layer only when that view is chosen).
 */
import { Chart } from 'chart.js';
import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale, topojson } from 'chartjs-chart-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { errorText } from './api.js';
import { type ChartCard, chartCard } from './charts.js';
import { h, mount, notice, select } from './dom.js';
import { formatShare } from './format.js';
import { type BreakdownRow, exploreLink, fetchBreakdown, type StatsFilters } from './stats.js';

Chart.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale);

type Region = Feature<Geometry, { code: string; name: string }>;

/** `provinsi`, `kabkota` (the whole country) or a province code (its regencies). */
export type MapView = string;
const VIEW_KEY = 'pantau.map-view';

const layers = new Map<string, Promise<Region[]>>();

/** One boundary file (geo/…json), fetched once per page load. */
function layer(file: string, object: 'provinces' | 'regencies'): Promise<Region[]> {
  let found = layers.get(file);
  if (!found) {
    found = fetch(`/geo/${file}`, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) {
          throw new Error(`geo/${file}: ${response.status}`);
        }
        const topology = (await response.json()) as Topology<Record<string, GeometryCollection>>;
        const collection = topojson.feature(topology, topology.objects[object]) as unknown as FeatureCollection<
          Geometry,
          { code: string; name: string }
        >;
        return collection.features;
      })
      .catch((error: unknown) => {
        layers.delete(file);
        throw error;
      });
    layers.set(file, found);
  }
  return found;
}

export interface MapCardOptions {
  filters: StatsFilters;
  navigate: (path: string) => void;
  /** Called with each chart made, so the page can destroy it when it leaves or re-renders. */
  onChart: (card: ChartCard) => void;
}

/** The map card: a view picker (provinces, all regencies, the regencies of one province) and the map with its table. */
export function mapCard(options: MapCardOptions): HTMLElement {
  const attribution = h('p', { class: 'muted small' }, t('choropleth.batasWilayahCahyadsnWilayah'));
  // Until a map is drawn (and when it cannot be), a card of its own; the map's card then takes the picker along.
  const placeholder = (...children: Node[]) =>
    h(
      'section',
      { class: 'card' },
      h('header', { class: 'card-head' }, h('h2', null, t('common.petaSebaranUnggahan')), picker),
      children,
    );
  const body = h('div', { class: 'map-card' });
  const provinceNames = layer('provinces.json', 'provinces');
  const picker = select([{ value: 'provinsi', label: t('choropleth.provinsiSeluruhIndonesia') }], 'provinsi', {
    aria: { label: t('choropleth.tampilanPeta') },
    class: 'compact',
  });
  const provinceRows = fetchBreakdown(options.filters, 'region', { level: 'province', limit: '600' });
  const stored = localStorage.getItem(VIEW_KEY);
  let current: ChartCard | undefined;

  const show = async (view: MapView) => {
    mount(body, placeholder(h('p', { class: 'loading' }, t('common.memuatPeta'))));
    const [features, rows] =
      view === 'provinsi'
        ? await Promise.all([provinceNames, provinceRows])
        : await Promise.all([
            view === 'kabkota' ? layer('regencies.json', 'regencies') : layer(`regencies/${view}.json`, 'regencies'),
            fetchBreakdown(options.filters, 'region', {
              level: 'regency',
              limit: '600',
              ...(view === 'kabkota' ? {} : { region: view }),
            }),
          ]);
    current?.destroy();
    current = regionChart(features, rows, view, options, h('div', { class: 'row-between' }, picker, attribution));
    options.onChart(current);
    mount(body, current.element);
  };

  Promise.all([provinceNames, provinceRows])
    .then(([provinces, rows]) => {
      const sorted = [...provinces].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'id'));
      mount(
        picker,
        h('option', { value: 'provinsi' }, t('choropleth.provinsiSeluruhIndonesia')),
        h('option', { value: 'kabkota' }, t('choropleth.kabupatenKotaSeluruhIndonesia')),
        h(
          'optgroup',
          null,
          sorted.map((province) =>
            h(
              'option',
              { value: province.properties.code },
              t('choropleth.kabupatenKotaDi', { name: province.properties.name }),
            ),
          ),
        ),
      );
      const group = picker.querySelector('optgroup');
      group?.setAttribute('label', 'Kabupaten/kota dalam satu provinsi');
      // The last view chosen; else the regencies of the province with the most posts (in practice the home region's).
      const known = (value: string | null | undefined) =>
        value && [...picker.options].some((option) => option.value === value) ? value : undefined;
      picker.value = known(stored) ?? known(rows[0]?.key) ?? 'provinsi';
      return show(picker.value);
    })
    .catch((error: unknown) =>
      mount(body, placeholder(notice('error', t('choropleth.petaTidakDapatDimuat', { mapError: mapError(error) })))),
    );

  picker.addEventListener('change', () => {
    localStorage.setItem(VIEW_KEY, picker.value);
    show(picker.value).catch((error: unknown) =>
      mount(body, placeholder(notice('error', t('choropleth.petaTidakDapatDimuat', { mapError: mapError(error) })))),
    );
  });

  mount(body, placeholder(h('p', { class: 'loading' }, t('common.memuatPeta'))));
  return body;
}

function mapError(error: unknown): string {
  return error instanceof Error && error.name !== 'ApiError'
    ? t('choropleth.berkasBatasWilayahTidak')
    : errorText(error);
}

function regionChart(
  features: Region[],
  rows: BreakdownRow[],
  view: MapView,
  options: MapCardOptions,
  extra: Node,
): ChartCard {
  const byCode = new Map(rows.map((row) => [row.key, row]));
  const values = features.map((feature) => byCode.get(feature.properties.code)?.posts ?? 0);
  const ranked = features
    .map((feature, index) => ({ feature, index, row: byCode.get(feature.properties.code) }))
    .filter((item) => (item.row?.posts ?? 0) > 0)
    .sort((a, b) => (b.row?.posts ?? 0) - (a.row?.posts ?? 0));
  const level = view === 'provinsi' ? 'provinsi' : 'kabupaten/kota';
  const link = (code: string) => exploreLink({ ...options.filters, region: code });
  const card = chartCard({
    title: t('common.petaSebaranUnggahan'),
    file: view === 'provinsi' ? 'peta-provinsi' : view === 'kabkota' ? 'peta-kabkota' : `peta-kabkota-${view}`,
    summary: t('choropleth.dariMemilikiUnggahanPanah', {
      rankedCount: ranked.length,
      featuresCount: features.length,
      level,
    }),
    height: view === 'provinsi' || view === 'kabkota' ? 340 : 380,
    extra,
    config: {
      type: 'choropleth',
      data: {
        labels: features.map((feature) => feature.properties.name),
        datasets: [
          {
            label: t('common.unggahan'),
            outline: features,
            data: features.map((feature, index) => ({ feature, value: values[index] })),
            borderColor: '#ffffff',
            borderWidth: 0.5,
            hoverBorderColor: '#1b1f24',
            hoverBorderWidth: 2,
          },
        ],
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item) => {
                const feature = features[item.dataIndex];
                const row = feature ? byCode.get(feature.properties.code) : undefined;
                return t('choropleth.unggahanNegatif', {
                  name: feature?.properties.name ?? '',
                  posts: row?.posts ?? 0,
                  negativeShare: formatShare(row?.negativeShare ?? null),
                });
              },
            },
          },
        },
        scales: {
          projection: { axis: 'x', projection: 'mercator' },
          color: {
            axis: 'x',
            interpolate: 'blues',
            missing: '#eef1f4',
            quantize: 5,
            ticks: { precision: 0 },
            legend: { position: 'bottom-left', align: 'right' },
          },
        },
      },
    },
    table: {
      header: [
        t('common.wilayah'),
        t('common.kode'),
        t('common.unggahan'),
        t('common.porsiNegatif'),
        t('common.perubahan'),
      ],
      rows: ranked.map(({ feature, row }) => [
        feature.properties.name,
        feature.properties.code,
        row?.posts ?? 0,
        formatShare(row?.negativeShare ?? null),
        row?.change === null || row?.change === undefined ? '' : `${Math.round(row.change * 100)} %`,
      ]),
      links: ranked.map(({ feature }) => link(feature.properties.code)),
    },
    onSelect: (index) => {
      const feature = features[index];
      if (feature) {
        options.navigate(link(feature.properties.code));
      }
    },
  });
  keyboard(
    card.chart,
    card.chart.canvas,
    ranked.map((item) => item.index),
    (index) => {
      const feature = features[index];
      if (feature) {
        options.navigate(link(feature.properties.code));
      }
    },
  );
  return card;
}

/**
 * Keyboard access to the map: the canvas takes focus; left/right arrows walk the regions that have posts (most first)
 * showing each one's tooltip, Enter opens Telusuri for it. The table fallback links the same regions.
 */
function keyboard(chart: Chart, canvas: HTMLCanvasElement, order: number[], open: (index: number) => void): void {
  canvas.tabIndex = 0;
  let position = -1;
  const activate = () => {
    const index = order[position];
    if (index === undefined) {
      return;
    }
    const active = [{ datasetIndex: 0, index }];
    chart.setActiveElements(active);
    const point = chart.getDatasetMeta(0).data[index]?.tooltipPosition(false) ?? { x: 0, y: 0 };
    chart.tooltip?.setActiveElements(active, { x: point.x ?? 0, y: point.y ?? 0 });
    chart.update();
  };
  canvas.addEventListener('keydown', (event) => {
    if (order.length === 0) {
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      position = (position + 1) % order.length;
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      position = (position - 1 + order.length) % order.length;
    } else if (event.key === 'Enter' && position >= 0) {
      open(order[position]);
      return;
    } else {
      return;
    }
    event.preventDefault();
    activate();
  });
  canvas.addEventListener('blur', () => {
    chart.setActiveElements([]);
    chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    chart.update();
  });
}
